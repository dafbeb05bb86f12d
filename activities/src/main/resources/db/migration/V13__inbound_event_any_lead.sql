-- A webhook may name a lead we do not have (a test send, another system's custom args): it is
-- still stored and acknowledged, so the reference cannot be a foreign key.
alter table inbound_event drop constraint inbound_event_lead_id_fkey;
