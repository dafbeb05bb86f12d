package io.leadflow.activities.routing;

/** The known account a lead's domain belongs to, and its owner (null when it has none). */
record AccountOwner(String accountName, String domain, String ownerRepId) {}
