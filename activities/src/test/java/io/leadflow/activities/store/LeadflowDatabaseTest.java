package io.leadflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LeadflowDatabaseTest {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  @Test
  void createsAMissingDatabaseAndToleratesOneThatExists() throws SQLException {
    String name = "leadflow_create_" + ProcessHandle.current().pid();
    drop(name);
    try {
      LeadflowDatabase.ensureExists(SERVER + name, "postgres", "");
      LeadflowDatabase.ensureExists(SERVER + name, "postgres", "");

      try (var connection = DriverManager.getConnection(SERVER + name, "postgres", "")) {
        assertThat(connection.isValid(1)).isTrue();
      }
    } finally {
      drop(name);
    }
  }

  /** The worker and the API start together on a fresh machine: neither may die of the other's create. */
  @Test
  void processesStartingTogetherAllGetTheDatabase() throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 10; round++) {
        String name = "leadflow_race_" + ProcessHandle.current().pid() + "_" + round;
        drop(name);
        try {
          CountDownLatch go = new CountDownLatch(1);
          List<Future<?>> starts = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            starts.add(starters.submit(() -> {
              go.await();
              LeadflowDatabase.ensureExists(SERVER + name, "postgres", "");
              return null;
            }));
          }
          go.countDown();
          for (Future<?> start : starts) {
            start.get();
          }
        } finally {
          drop(name);
        }
      }
    } finally {
      starters.shutdownNow();
    }
  }

  @Test
  void explainsAnUnreachableServerInOneLine() {
    String url = "jdbc:postgresql://127.0.0.1:1/leadflow";

    assertThatThrownBy(() -> LeadflowDatabase.ensureExists(url, "postgres", ""))
        .isInstanceOf(SQLException.class)
        .satisfies(
            e -> {
              String line = DatabasePreflight.explain(url, (SQLException) e);
              assertThat(line).doesNotContain("\n").contains("LEADFLOW_DB_URL").contains(url);
            });
  }

  private static void drop(String name) throws SQLException {
    try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name);
    }
  }
}
