package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * PostgreSQL goes away while a lead arrives (a restart, a failover): the caller gets a 503
 * problem with Retry-After, not a 500, and the same capture succeeds once it is back.
 */
class LeadStoreOutageTest extends ApiTest {

  @Value("${spring.datasource.url}")
  String databaseUrl;

  @Autowired DataSource dataSource;

  @Test
  void aCaptureWhilePostgresIsDownIsA503ToRetryAndSucceedsAfterwards() throws SQLException {
    String lead = leadJson(uniqueEmail(), null);
    String database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1).split("\\?")[0];

    HttpResponse<String> during;
    refuseConnections(database, true);
    try {
      during = post("/api/v1/leads", INGEST, lead);
    } finally {
      refuseConnections(database, false);
      // Pooled connections the outage killed fail once each before the pool drops them; the
      // tests that share this context should not meet them.
      ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
    }

    assertThat(during.statusCode()).isEqualTo(503);
    assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(during.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(body(during).get("detail").asString()).contains("lead store is unavailable");

    // The caller retries as told; the same capture is accepted once PostgreSQL answers again.
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> post("/api/v1/leads", INGEST, lead).statusCode() == 202);
  }

  /** Closes every connection to the database and refuses new ones, or lets them in again. */
  private static void refuseConnections(String database, boolean refuse) throws SQLException {
    try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        var statement = postgres.createStatement()) {
      statement.execute("alter database \"" + database + "\" allow_connections " + !refuse);
      if (refuse) {
        statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
      }
    }
  }
}
