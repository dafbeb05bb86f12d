-- One lead per person: a second capture with the same normalized email or phone joins the first.
-- Keys are SHA-256 hashes of the normalized contact, so they can be logged and compared safely.
alter table lead add column email_key char(64) unique;
alter table lead add column phone_key char(64) unique;

-- Every capture, first or repeat, with its attribution: nothing accepted is only in memory.
create table lead_capture (
    id          bigint generated always as identity primary key,
    lead_id     uuid         not null references lead (id),
    source      varchar(64)  not null,
    interest    varchar(200) not null,
    joined      boolean      not null,
    created_at  timestamptz  not null default now()
);

create index lead_capture_lead_idx on lead_capture (lead_id);
