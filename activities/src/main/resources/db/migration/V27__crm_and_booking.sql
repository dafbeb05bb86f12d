-- The rep's own id in the team's CRM (a HubSpot owner id, a Salesforce user id) and booking link.
alter table rep add column crm_owner_id varchar(64);
alter table rep add column booking_link varchar(500);

-- The CRM record of each lead, once created: later syncs update it.
create table crm_record (
    lead_id    uuid         not null references lead (id),
    provider   varchar(16)  not null,
    record_id  varchar(64)  not null,
    synced_at  timestamptz  not null default now(),
    primary key (lead_id, provider)
);

-- Each touch logged in the CRM, by the touch's business key: a retry never logs it twice.
create table crm_touch (
    provider      varchar(16)  not null,
    business_key  varchar(200) not null,
    crm_id        varchar(64)  not null,
    logged_at     timestamptz  not null default now(),
    primary key (provider, business_key)
);
