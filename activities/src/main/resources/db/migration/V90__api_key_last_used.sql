-- When each API key was last used, to the minute: the API writes it at most once a minute per
-- key (ApiKeyUsage), never once per request. Null: not used since this column exists.
alter table api_key add column last_used_at timestamptz;
