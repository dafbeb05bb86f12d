-- Runs once, when the postgresql volume is first initialised (docker-entrypoint-initdb.d).
-- Temporal's own databases (temporal, temporal_visibility) are created by temporal-admin-tools.
CREATE USER leadflow WITH PASSWORD 'leadflow';
CREATE DATABASE leadflow OWNER leadflow;
