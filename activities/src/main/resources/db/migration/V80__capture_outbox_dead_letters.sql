-- A capture the relay gave up on (leadflow.capture.outbox.max-attempts failures that Temporal
-- answered; an unreachable Temporal uses none): kept out of the relay's scan until an operator
-- replays it (POST /api/v1/admin/outbox/{id}/replay). A dead entry is never done.
alter table capture_outbox add column dead_at timestamptz;

drop index capture_outbox_pending_idx;
create index capture_outbox_pending_idx on capture_outbox (next_attempt_at) where done_at is null and dead_at is null;
create index capture_outbox_dead_idx on capture_outbox (id) where dead_at is not null;
