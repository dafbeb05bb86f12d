-- A repeat capture of a known person past the engagement signals allowed per window: stored and
-- counted, never signalled to the workflow (its history stays bounded however often they repeat).
alter table lead_capture add column coalesced boolean not null default false;
