-- Cadence definitions managed through the admin API: every change is a new version; new leads
-- take the newest version of the configured name, running leads keep the one they started with.
create table cadence_definition (
    name       varchar(64) not null,
    version    int         not null,
    steps      text        not null,
    created_at timestamptz not null default now(),
    primary key (name, version)
);
