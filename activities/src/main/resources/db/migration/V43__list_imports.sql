-- List imports (an admin's CSV: badge scans, partner lists). The file is kept as its rows, each
-- already mapped to a capture request (request), before the upload is answered; a background
-- worker turns pending rows (outcome null) into captures, each row's capture and its result in
-- one transaction, so a crash resumes at the first row not done. The same file with the same
-- mapping is the same import: unique (content_sha256, mapping_sha256).
create table list_import (
    id              uuid primary key,
    source          varchar(64) not null,
    mapping         jsonb not null,
    mapping_sha256  char(64) not null,
    content_sha256  char(64),
    rows_total      integer not null default 0,
    state           varchar(16) not null,
    api_key_id      bigint,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz,
    constraint list_import_same_file unique (content_sha256, mapping_sha256)
);

create table list_import_row (
    import_id     uuid not null references list_import (id) on delete cascade,
    row_number    integer not null,
    request       jsonb,
    outcome       varchar(16),
    errors        jsonb,
    lead_id       uuid,
    capture_id    uuid,
    suppressed    varchar(64),
    processed_at  timestamptz,
    primary key (import_id, row_number)
);

create index list_import_row_pending_idx on list_import_row (import_id, row_number) where outcome is null;
