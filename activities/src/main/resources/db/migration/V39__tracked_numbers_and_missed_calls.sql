-- The team's Twilio numbers and the campaign each belongs to: a call or text to one is captured
-- with its source and attribution; a call is forwarded to forward_to when there is one.
create table tracked_number (
    number       varchar(16)  primary key,  -- E.164
    source       varchar(64)  not null,
    utm_campaign varchar(200),
    utm_medium   varchar(200),
    forward_to   varchar(16),               -- E.164
    updated_at   timestamptz  not null default now()
);

-- A capture made from a call nobody answered; only Twilio's signed voice webhook sets it.
alter table lead_capture add column missed_call boolean not null default false;
