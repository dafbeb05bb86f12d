-- Plain HTML forms capture with a publishable form key (it sits in the page, so it is no secret
-- and is stored as is): it can only capture, under its source's name, from its allowed origins.
-- Submissions a bot made (honeypot filled, sent faster than a person fills the form) are
-- answered like any other, stored nowhere, and counted here.
create table form_source (
    id                bigint generated always as identity primary key,
    name              varchar(64)   not null unique,
    form_key          varchar(64)   not null unique,
    allowed_origins   text[]        not null,
    thank_you_url     varchar(2000),
    honeypot_field    varchar(64),
    min_fill_seconds  int           not null default 0,
    honeypot_caught   bigint        not null default 0,
    too_fast_caught   bigint        not null default 0,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now()
);
