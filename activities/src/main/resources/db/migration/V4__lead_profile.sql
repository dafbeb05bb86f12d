-- What a form may tell about the person and their company (all optional): enrichment and
-- scoring read them.
alter table lead add column title        varchar(100);
alter table lead add column company      varchar(200);
alter table lead add column company_size int;
alter table lead add column timeline     varchar(100);
