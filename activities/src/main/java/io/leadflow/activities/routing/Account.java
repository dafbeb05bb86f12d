package io.leadflow.activities.routing;

import java.util.List;

/**
 * A known account (tables {@code account}, {@code account_domain}): leads from its email domains
 * (and their subdomains) go to its owner first. A domain belongs to one account.
 */
public record Account(String id, String name, List<String> domains, String ownerRepId, String industry, Integer employees) {}
