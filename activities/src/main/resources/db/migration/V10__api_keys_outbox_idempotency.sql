-- API keys: only a SHA-256 of the key is stored; the key itself is shown once, at creation.
create table api_key (
    id          bigint generated always as identity primary key,
    key_hash    char(64)    not null unique,
    name        varchar(100) not null,
    role        varchar(16) not null check (role in ('INGEST', 'REP', 'MANAGER', 'ADMIN')),
    rep_id      varchar(64),
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz,
    constraint rep_key_names_rep check (role <> 'REP' or rep_id is not null)
);

-- Captures waiting to reach Temporal. Written in the capture's transaction, so a Temporal
-- outage delays leads but never loses them; the relay deletes nothing, it marks rows done.
create table capture_outbox (
    id              bigint generated always as identity primary key,
    lead_id         uuid        not null references lead (id),
    capture_id      bigint      not null references lead_capture (id),
    joined          boolean     not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    done_at         timestamptz
);

create index capture_outbox_pending_idx on capture_outbox (next_attempt_at) where done_at is null;

-- Idempotency-Key replays: same key and body → the stored answer; another body → 422.
create table idempotency_key (
    api_key_id      bigint      not null references api_key (id),
    idempotency_key varchar(200) not null,
    request_hash    char(64)    not null,
    response_status int,
    response_body   text,
    created_at      timestamptz not null default now(),
    primary key (api_key_id, idempotency_key)
);
