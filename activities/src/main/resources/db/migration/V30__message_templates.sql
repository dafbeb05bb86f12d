-- Message templates managed through the admin API: every save is a new version of a name for a
-- channel; sends take the newest. A name with no row here is its built-in default (the classpath
-- file), version 1, which the first save stores as version 1 before the new version 2.
create table message_template (
    channel    varchar(8)  not null check (channel in ('SMS', 'EMAIL')),
    name       varchar(64) not null,
    version    int         not null,
    subject    text,
    html       text,
    text       text        not null,
    created_at timestamptz not null default now(),
    primary key (channel, name, version)
);

-- Which version of its template a touch rendered (null for calls, tasks and touches before this).
alter table touch add column template_version int;
