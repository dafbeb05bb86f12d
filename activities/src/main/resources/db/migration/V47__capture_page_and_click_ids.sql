-- Attribution of every capture beyond its UTM parameters: the page the form was on, the page
-- that sent the person there, and the ad click ids (Google gclid, Meta fbclid, LinkedIn li_fat_id).
alter table lead_capture add column landing_page varchar(2000);
alter table lead_capture add column referrer     varchar(2000);
alter table lead_capture add column gclid        varchar(200);
alter table lead_capture add column fbclid       varchar(200);
alter table lead_capture add column li_fat_id    varchar(200);

-- A lead's first and last touch (its earliest capture, its latest before a moment) for the lead
-- view and the funnel's attribution: one index probe per lead. It covers what the lead_id index did.
create index lead_capture_lead_time_idx on lead_capture (lead_id, created_at, id);
drop index lead_capture_lead_idx;
