-- What enrichment learned about a lead (one row per lead, rewritten by each enrichment).
create table lead_enrichment (
    lead_id        uuid         primary key references lead (id) on delete cascade,
    company_domain varchar(253),
    account_id     varchar(64)  references account (id) on delete set null,
    email_kind     varchar(16),
    e164           varchar(32),
    country        varchar(8),
    region         varchar(16),
    time_zones     text[]       not null default '{}',
    role           varchar(32),
    seniority      varchar(16),
    student        boolean      not null default false,
    job_seeker     boolean      not null default false,
    company_name   varchar(200),
    industry       varchar(100),
    employees      int,
    vendor_failed  boolean      not null default false,
    partial        boolean      not null,
    notes          text[]       not null default '{}',
    enriched_at    timestamptz  not null default now()
);

create index lead_enrichment_account_idx on lead_enrichment (account_id);

-- The lead's current routing decision, with its explanation. Capacity counts a rep's open leads
-- from it (and from the lead's assignee once the workflow recorded it, which includes
-- escalations). decision_key makes a retried routing activity return its first decision.
create table lead_assignment (
    lead_id       uuid         primary key references lead (id) on delete cascade,
    rep_id        varchar(64)  not null,
    backup_rep_id varchar(64),
    manager_id    varchar(64),
    stage         varchar(16)  not null check (stage in ('ACCOUNT_OWNER', 'ROUND_ROBIN', 'FALLBACK')),
    territory_id  varchar(64),
    reason        text         not null,
    decision_key  varchar(300),
    assigned_at   timestamptz  not null default now()
);

create index lead_assignment_rep_idx on lead_assignment (rep_id);
