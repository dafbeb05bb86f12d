package io.leadflow.activities.store;

import java.sql.SQLException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs before any DataSource or Flyway bean exists, for every app and test that uses the lead
 * store. Off with {@code leadflow.db.create-if-missing=false} (e.g. when the role may not create
 * databases).
 */
class CreateDatabaseIfMissing implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    String url = environment.getProperty("spring.datasource.url");
    if (url == null || !environment.getProperty("leadflow.db.create-if-missing", Boolean.class, true)) {
      return;
    }
    try {
      LeadflowDatabase.ensureExists(
          url,
          environment.getProperty("spring.datasource.username", "postgres"),
          environment.getProperty("spring.datasource.password", ""));
    } catch (SQLException e) {
      throw new IllegalStateException(DatabasePreflight.explain(url, e), e);
    }
  }
}
