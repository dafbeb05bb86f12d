package io.leadflow.activities.enrichment;

/** An account we already know, as matched by one of its email domains. */
record KnownAccount(String id, String name, String industry, Integer employees) {}
