-- When the lead last replied or opted out of everything, written by the API and the inbound
-- webhooks before they signal the workflow: a send planned before that moment and retried later
-- (a provider outage, a worker crash) is skipped, although the workflow, still waiting on that
-- send, has not seen the message yet.
alter table lead add column stopped_at timestamptz;
