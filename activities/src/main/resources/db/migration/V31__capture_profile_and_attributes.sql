-- What a B2B form says about the person beyond name and contact: stated first and last name,
-- country and company website (the website's domain stands in for a free-mail address's).
alter table lead add column first_name varchar(100);
alter table lead add column last_name  varchar(100);
alter table lead add column country    varchar(100);
alter table lead add column website    varchar(500);

-- The free-text message of each capture (a contact form's textarea).
alter table lead_capture add column message varchar(2000);

-- Any other field a capture brought (a form's own fields, a feed's "attributes"): at most 20 a
-- capture, names of up to 64 characters, values of up to 500, kept as sent. Scoring rules can
-- read them (signal ATTRIBUTE).
create table lead_capture_attribute (
    capture_id bigint       not null references lead_capture (id),
    position   int          not null,
    name       varchar(64)  not null,
    value      varchar(500) not null,
    primary key (capture_id, position),
    unique (capture_id, name)
);

-- A rule on signal ATTRIBUTE names the attribute it reads.
alter table scoring_rule add column attribute varchar(64);
