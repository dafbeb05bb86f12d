-- (Version 22 was set aside for the engines work of issue #4; tier actions themselves need no
-- table, they live in the configuration and each workflow's playbook.)
-- When the stored score was computed, as of the workflow's time: a sleeping lead is re-scored
-- at each nurture round, so its score's age is part of what it means. Null for scores recorded
-- before it was kept.
alter table lead add column scored_at timestamptz;
