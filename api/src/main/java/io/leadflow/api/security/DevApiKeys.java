package io.leadflow.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Well-known keys for the local stack and the README's curl tour ({@code leadflow.api.dev-keys=true},
 * set by run-local.sh). Never enable it where the API is reachable by others.
 */
@Component
@ConditionalOnProperty(name = "leadflow.api.dev-keys", havingValue = "true")
class DevApiKeys implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DevApiKeys.class);

  private final ApiKeyRepository keys;

  DevApiKeys(ApiKeyRepository keys) {
    this.keys = keys;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed("dev-ingest", "web forms (dev)", Role.INGEST, null);
    seed("dev-rep-ana", "ana (dev)", Role.REP, "ana");
    seed("dev-rep-ben", "ben (dev)", Role.REP, "ben");
    seed("dev-manager", "mia (dev)", Role.MANAGER, "mia");
    seed("dev-admin", "admin (dev)", Role.ADMIN, null);
    log.warn("Development API keys are enabled: dev-ingest, dev-rep-ana, dev-rep-ben, dev-manager, dev-admin");
  }

  private void seed(String key, String name, Role role, String repId) {
    if (!keys.existsByKeyHash(ApiKeys.hash(key))) {
      keys.save(ApiKey.of(key, name, role, repId));
    }
  }
}
