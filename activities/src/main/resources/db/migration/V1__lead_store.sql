create table lead (
    id          uuid primary key default gen_random_uuid(),
    name        varchar(200) not null,
    email       varchar(320),
    phone       varchar(32),
    source      varchar(64)  not null,
    interest    varchar(200) not null,
    status      varchar(32)  not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint lead_has_contact check (email is not null or phone is not null)
);

create index lead_status_idx on lead (status);

-- One row per send. business_key = lead:step:channel makes a retried send find its first attempt.
create table touch (
    id                  bigint generated always as identity primary key,
    lead_id             uuid         not null references lead (id),
    business_key        varchar(200) not null unique,
    step                varchar(64)  not null,
    channel             varchar(16)  not null,
    provider            varchar(32),
    provider_message_id varchar(128),
    outcome             varchar(32)  not null,
    created_at          timestamptz  not null default now(),
    sent_at             timestamptz
);

create index touch_lead_idx on touch (lead_id);
