-- The id a capture answers to the key that sent it (captureId): random, so it tells nothing of
-- the lead it joined nor of how many captures came before. Captures stored earlier have none.
alter table lead_capture add column receipt_id uuid;
create unique index lead_capture_receipt_idx on lead_capture (receipt_id);
