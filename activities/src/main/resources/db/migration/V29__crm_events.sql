-- The newest change the CRM reported of each record's property (by the CRM's occurredAt): a change
-- delivered later but made earlier is stored with its webhook and never applied over a newer one.
create table crm_property_change (
    provider     varchar(16)  not null,
    record_id    varchar(64)  not null,
    property     varchar(100) not null,
    occurred_at  timestamptz  not null,
    primary key (provider, record_id, property)
);

-- A CRM webhook names the CRM's record: find the lead by it.
create index crm_record_by_record_id on crm_record (provider, record_id);
