package io.leadflow.activities.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadflow.routing.fallback.*}: who gets a lead no territory covers, or that nobody in its
 * territory can take (when the territory names no manager): a queue or a manager, with a backup
 * and a manager for the ack SLA escalations. Defaults are the development team (ana, ben, mia).
 */
@ConfigurationProperties("leadflow.routing")
record RoutingProperties(Fallback fallback) {

  RoutingProperties {
    fallback = fallback == null ? new Fallback(null, null, null) : fallback;
  }

  record Fallback(String owner, String backup, String manager) {

    Fallback {
      owner = owner == null ? "ana" : owner;
      backup = backup == null ? "ben" : backup;
      manager = manager == null ? "mia" : manager;
    }
  }
}
