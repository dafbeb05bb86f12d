package io.leadflow.e2e;

import java.io.IOException;

/** The tests' own PostgreSQL databases, dropped before a run so earlier leads cannot join new ones. */
final class Database {

  private Database() {}

  static void drop(String name) throws IOException, InterruptedException {
    Process psql =
        new ProcessBuilder("psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c", "drop database if exists " + name)
            .redirectErrorStream(true)
            .start();
    String output = new String(psql.getInputStream().readAllBytes());
    if (psql.waitFor() != 0) {
      throw new IllegalStateException("Could not drop database " + name + ": " + output);
    }
  }
}
