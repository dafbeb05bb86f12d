-- The moments speed-to-lead, funnel and routing reports are made of. The lead store activity
-- sets each one once, from the progress the lead's workflow reports (LeadMilestoneRepository).
alter table lead add column routed_rep        varchar(64);  -- the first rep the lead was routed to
alter table lead add column acknowledged_at   timestamptz;  -- the first acknowledgement (workflow time)
alter table lead add column acknowledged_by   varchar(64);
alter table lead add column escalated_at      timestamptz;  -- the first missed ack SLA (owner changed while awaiting ack)
alter table lead add column reassigned_at     timestamptz;  -- the first change of owner, for any reason
alter table lead add column engaged_at        timestamptz;  -- the first reply
alter table lead add column meeting_booked_at timestamptz;

-- Reports select the leads captured in a period.
create index lead_created_at_idx on lead (created_at);
-- The first touch that went out, per lead.
create index touch_sent_idx on touch (lead_id, sent_at) where outcome = 'SENT';
