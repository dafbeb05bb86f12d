package io.leadflow.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Well-known keys for the local stack and the README's curl tour ({@code leadflow.api.dev-keys=true},
 * set by run-local.sh). Anyone who reaches the API could use them, so the API refuses to start
 * with them unless it listens on loopback only ({@code server.address} 127.0.0.1, ::1 or localhost;
 * unset means every interface).
 */
@Component
@ConditionalOnProperty(name = "leadflow.api.dev-keys", havingValue = "true")
class DevApiKeys implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DevApiKeys.class);

  private final ApiKeyRepository keys;

  DevApiKeys(ApiKeyRepository keys, @Value("${server.address:}") String address) {
    requireLoopback(address);
    this.keys = keys;
  }

  static void requireLoopback(String address) {
    if (!isLoopback(address)) {
      throw new IllegalStateException(
          "Development API keys (leadflow.api.dev-keys / LEADFLOW_API_DEV_KEYS=true) are well known, and the API listens on "
              + (address == null || address.isBlank() ? "every interface" : address)
              + ": set server.address (SERVER_ADDRESS) to 127.0.0.1 to keep it local, or turn the development keys off");
    }
  }

  private static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      for (InetAddress resolved : InetAddress.getAllByName(address.strip())) {
        if (!resolved.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
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
