-- What the lifecycle workflow reports back: score with its reasons, tier, current owner.
alter table lead add column score           int;
alter table lead add column tier            varchar(8);
alter table lead add column score_breakdown text[];
alter table lead add column assigned_rep    varchar(64);

create index lead_assigned_rep_idx on lead (assigned_rep);

-- One row per rep notification; the unique key makes a retried notify a no-op.
create table rep_notice (
    id           bigint generated always as identity primary key,
    lead_id      uuid         not null references lead (id),
    business_key varchar(200) not null unique,
    rep_id       varchar(64)  not null,
    kind         varchar(64)  not null,
    created_at   timestamptz  not null default now()
);
