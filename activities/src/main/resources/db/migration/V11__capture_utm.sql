-- Attribution of every capture: the UTM parameters the form or feed passed along.
alter table lead_capture add column utm_source   varchar(200);
alter table lead_capture add column utm_medium   varchar(200);
alter table lead_capture add column utm_campaign varchar(200);
alter table lead_capture add column utm_term     varchar(200);
alter table lead_capture add column utm_content  varchar(200);
