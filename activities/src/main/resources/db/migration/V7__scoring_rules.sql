-- Scoring rules managed through the admin API. When this table has rows they replace the rules
-- from configuration (leadflow.scoring.rules); empty, the configuration applies.
create table scoring_rule (
    position    int          primary key,
    rule_group  varchar(16)  not null,
    signal      varchar(16)  not null,
    any_of      text[]       not null default '{}',
    none_of     text[]       not null default '{}',
    min_value   int,
    max_value   int,
    points      int          not null,
    reason      varchar(100) not null,
    updated_at  timestamptz  not null default now()
);
