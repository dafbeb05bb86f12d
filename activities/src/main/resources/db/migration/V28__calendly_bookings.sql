-- The last Calendly event applied to each booking (one invitee of one scheduled event), by the
-- event's created_at: an older event delivered later is stored but not applied, so a cancellation
-- that overtook its booking is never followed by the booking.
create table calendly_booking (
    scheduled_event_uri  varchar(500) not null,
    invitee_uri          varchar(500) not null,
    lead_id              uuid,
    last_event           varchar(32)  not null,
    last_created_at      timestamptz  not null,
    applied_at           timestamptz  not null default now(),
    primary key (scheduled_event_uri, invitee_uri)
);

-- What applying a stored webhook did when that was not the obvious (skipped as out of order, a
-- rescheduled cancellation, a closed lead); null for the rest.
alter table inbound_event add column outcome varchar(300);
