package io.leadflow.api.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The first admin key of a fresh installation, from {@code LEADFLOW_API_ADMIN_KEY}; with it an
 * admin creates every other key through {@code POST /api/v1/admin/api-keys}.
 */
@Component
@ConditionalOnProperty(name = "leadflow.api.admin-key")
class AdminKeyBootstrap implements ApplicationRunner {

  private final ApiKeyRepository keys;
  private final String adminKey;

  AdminKeyBootstrap(ApiKeyRepository keys, org.springframework.core.env.Environment environment) {
    this.keys = keys;
    this.adminKey = environment.getRequiredProperty("leadflow.api.admin-key").strip();
    if (adminKey.isEmpty()) {
      throw new IllegalStateException(
          "LEADFLOW_API_ADMIN_KEY is set but blank: give it a secret value, or unset it (or set it to false) to create no admin key");
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!keys.existsByKeyHash(ApiKeys.hash(adminKey))) {
      keys.save(ApiKey.of(adminKey, "bootstrap admin", Role.ADMIN, null));
    }
  }
}
