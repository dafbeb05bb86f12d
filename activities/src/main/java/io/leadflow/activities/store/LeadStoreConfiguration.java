package io.leadflow.activities.store;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Import this to read or write the lead store (the api does, without any activity implementation). */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = LeadStoreConfiguration.class)
@Import({Suppressions.class, StepsGaveUp.class, FailingActivities.class, CaptureAttributes.class})
public class LeadStoreConfiguration {

  /**
   * Features number their migrations in separate ranges (V4–V11, V12–V19, V20–V29), so a shared
   * database may already hold a higher version than a migration that arrives later: apply it
   * rather than refuse to start.
   */
  @Bean
  FlywayConfigurationCustomizer migrationsMayArriveOutOfOrder() {
    return configuration -> configuration.outOfOrder(true);
  }
}
