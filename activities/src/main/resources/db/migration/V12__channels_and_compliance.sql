-- One cross-channel suppression list: who must not be contacted on which channel (or ALL).
-- contact_key is the same SHA-256 key the lead store uses for the email or the phone.
create table suppression (
    id          bigint generated always as identity primary key,
    contact_key char(64)    not null,
    channel     varchar(8)  not null check (channel in ('CALL', 'SMS', 'EMAIL', 'ALL')),
    reason      varchar(200) not null,
    source      varchar(64) not null,
    created_at  timestamptz not null default now(),
    unique (contact_key, channel)
);

-- The audit of each touch: the template, the provider's latest status, why it was skipped.
alter table touch add column template        varchar(64);
alter table touch add column provider_status varchar(32);
alter table touch add column detail          varchar(500);
create index touch_provider_message_idx on touch (provider_message_id);

-- The phone proved invalid at the provider (Twilio 21211): phone steps are skipped.
alter table lead add column phone_invalid boolean not null default false;

-- Every accepted webhook, stored before we answer 2xx; dedupe_key makes redeliveries no-ops.
create table inbound_event (
    id           bigint generated always as identity primary key,
    provider     varchar(16)  not null,
    kind         varchar(32)  not null,
    dedupe_key   varchar(200) not null unique,
    lead_id      uuid references lead (id),
    payload      text         not null,
    received_at  timestamptz  not null default now(),
    attempts     int          not null default 0,
    last_error   text,
    processed_at timestamptz
);

create index inbound_event_pending_idx on inbound_event (received_at) where processed_at is null;
