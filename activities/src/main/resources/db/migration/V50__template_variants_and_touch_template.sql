-- Variant rules of a template, versioned like the templates: each save of a name's ordered list
-- of rules adds the next version; sends apply the newest.
create table message_template_variants (
    name       varchar(64) not null,
    version    int         not null,
    rules      text        not null,
    created_at timestamptz not null default now(),
    primary key (name, version)
);

-- Which template a touch rendered: its step's, or the variant the rules chose (null for calls,
-- tasks and touches before this); template_version is that template's version.
alter table touch add column rendered_template varchar(64);
