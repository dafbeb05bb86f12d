-- Who sells: reps with their capacity (open leads), rotation weight, skills and availability.
-- The id is the one API keys and leads use ('ana').
create table rep (
    id          varchar(64)  primary key,
    name        varchar(200) not null,
    email       varchar(320),
    manager_id  varchar(64),
    time_zone   varchar(64)  not null default 'UTC',
    work_days   text[],                 -- MONDAY..SUNDAY; null with the hours: always available
    work_start  time,
    work_end    time,
    capacity    int          not null check (capacity >= 0),
    weight      int          not null default 1 check (weight between 1 and 100),
    skills      text[]       not null default '{}',
    away_from   timestamptz,            -- out of office from ...
    away_until  timestamptz,            -- ... until (exclusive)
    active      boolean      not null default true,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint rep_hours_complete check ((work_start is null) = (work_end is null))
);

-- Territories: the first one (lowest priority) whose criteria all match a lead takes it; a
-- territory without criteria matches every lead (a catch-all). Members share its leads by
-- weighted round-robin.
create table territory (
    id                varchar(64)  primary key,
    name              varchar(200) not null,
    priority          int          not null default 100,
    countries         text[]       not null default '{}',  -- ISO 3166 alpha-2, e.g. DE
    regions           text[]       not null default '{}',  -- country-region, e.g. US-CA
    min_employees     int,
    max_employees     int,
    interest_keywords text[]       not null default '{}',
    manager_id        varchar(64),
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now()
);

-- rotation is the member's smooth weighted round-robin counter in this territory.
create table territory_member (
    territory_id varchar(64) not null references territory (id) on delete cascade,
    rep_id       varchar(64) not null references rep (id) on delete cascade,
    rotation     bigint      not null default 0,
    primary key (territory_id, rep_id)
);

create index territory_member_rep_idx on territory_member (rep_id);

-- A lead needs a skill when the skill's criteria all match it (e.g. german for DE, AT, CH).
create table skill_rule (
    skill             varchar(64) primary key,
    countries         text[]      not null default '{}',
    regions           text[]      not null default '{}',
    min_employees     int,
    max_employees     int,
    interest_keywords text[]      not null default '{}',
    updated_at        timestamptz not null default now()
);

-- Known accounts: a lead whose email domain belongs to one is linked to it and goes to its owner.
create table account (
    id           varchar(64)  primary key,
    name         varchar(200) not null,
    owner_rep_id varchar(64)  references rep (id) on delete set null,
    industry     varchar(100),
    employees    int,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now()
);

create table account_domain (
    domain     varchar(253) primary key,
    account_id varchar(64)  not null references account (id) on delete cascade
);

create index account_domain_account_idx on account_domain (account_id);
