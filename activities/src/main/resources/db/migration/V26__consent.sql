-- The consent a person gave to be contacted on a channel, kept for audit: what they were shown,
-- when, on which page, from which address and browser, and how. Keyed like suppression by the
-- contact it covers (the phone for calls and texts, the email address for email).
create table consent (
    id          bigint generated always as identity primary key,
    lead_id     uuid          not null references lead (id),
    capture_id  bigint        references lead_capture (id),
    contact_key char(64)      not null,
    channel     varchar(8)    not null check (channel in ('CALL', 'SMS', 'EMAIL')),
    method      varchar(16)   not null check (method in ('CHECKBOX', 'VERBAL', 'WRITTEN', 'KEYWORD', 'VOUCHED')),
    text        varchar(2000) not null,
    given_at    timestamptz   not null,
    page_url    varchar(2000),
    ip          varchar(64),
    user_agent  varchar(500),
    source      varchar(64)   not null,
    recorded_at timestamptz   not null default now()
);
create index consent_by_contact on consent (contact_key, channel, given_at desc);
-- A source's vouching is recorded once per contact and channel, the first time a touch relies on it.
create unique index consent_vouched_once on consent (contact_key, channel, source) where method = 'VOUCHED';

-- Each touch that needed consent names the record it relied on.
alter table touch add column consent_id bigint references consent (id);

-- A lifted suppression (START, re-subscribe) is kept with what it was and the evidence that lifted it.
create table suppression_lifted (
    id            bigint generated always as identity primary key,
    contact_key   char(64)     not null,
    channel       varchar(8)   not null,
    reason        varchar(200) not null,
    suppressed_at timestamptz  not null,
    evidence      varchar(500) not null,
    source        varchar(64)  not null,
    lifted_at     timestamptz  not null default now()
);
create index suppression_lifted_by_contact on suppression_lifted (contact_key);
