-- A step of a lead's workflow that gave up (not retryable, or past its bound); the lead carried
-- on. One row per step and moment (the workflow's time), however often the recording is retried.
create table lead_step_gave_up (
  lead_id uuid not null references lead (id),
  step varchar(200) not null,
  reason varchar(300) not null,
  at timestamptz not null,
  primary key (lead_id, step, at)
);

-- An activity whose attempts are failing right now, one row per workflow and activity: a lead
-- with one failing longer than a threshold is stuck. Deleted when it succeeds or gives up.
create table failing_activity (
  workflow_id varchar(255) not null,
  activity_id varchar(255) not null,
  activity_type varchar(255) not null,
  first_failed_at timestamptz not null,
  last_failed_at timestamptz not null,
  attempts int not null,
  last_error varchar(500) not null,
  primary key (workflow_id, activity_id)
);
create index failing_activity_first_failed_at on failing_activity (first_failed_at);
