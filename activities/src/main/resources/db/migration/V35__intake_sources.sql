-- Signed intake (api.intake): each source a form or ad tool delivers to, with the secret its
-- deliveries are signed with (kept as is: checking an HMAC needs the key itself) and the mapping
-- from the tool's JSON to a capture. Deliveries are remembered (a replayed one is not a second
-- lead); one whose payload does not map keeps its payload and errors until replayed or expired.
create table intake_source (
  name varchar(64) primary key,
  secret varchar(128) not null,
  scheme varchar(16) not null,
  fields jsonb not null,
  defaults jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table intake_delivery (
  id bigserial primary key,
  source varchar(64) not null references intake_source (name) on delete cascade,
  delivery_key char(64) not null,
  received_at timestamptz not null default now(),
  capture_id uuid,
  payload bytea,
  errors jsonb,
  unique (source, delivery_key)
);

create index intake_delivery_failed_idx on intake_delivery (source, id) where errors is not null;
create index intake_delivery_received_idx on intake_delivery (received_at);
