package io.leadflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * Intake: how many leads a second the API accepts, each stored in PostgreSQL before its 202,
 * however far the workflows behind it fall behind. Per rate: the answer latency from the due
 * time, the errors, and a check that every accepted lead is in the lead table. A rate is
 * sustained with no error, every accepted lead stored and p99 within 1 s; the first rate that
 * is not ends the ladder.
 * Usage: bench/run.sh intake [rates per second, e.g. 50,100,200,300] [seconds per rate]
 */
public final class IntakeBenchmark {

  private IntakeBenchmark() {}

  public static void main(String[] args) throws Exception {
    String[] rates = (args.length > 0 ? args[0] : "50,100,200,300,400").split(",");
    Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
    String api = CaptureBenchmark.env("BENCH_API", "http://localhost:8080");
    String db = CaptureBenchmark.env("LEADFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:5432/leadflow");

    System.out.printf("%d cores (bench JVM); %s for %d s per rate%n",
        Runtime.getRuntime().availableProcessors(), String.join(",", rates), duration.toSeconds());
    System.out.println("| rate/s | capture HTTP answer (202) | errors | accepted | accepted and stored |");
    System.out.println("| --- | --- | --- | --- | --- |");
    Integer sustained = null;
    try (Connection connection = DriverManager.getConnection(db, "postgres", "")) {
      for (String rate : rates) {
        int perSecond = Integer.parseInt(rate.strip());
        LeadCaptures captures = LeadCaptures.post(api, perSecond, duration);
        long stored = stored(connection, captures);
        System.out.printf("| %d | %s | %d | %d | %d |%n",
            perSecond, captures.answers.summary(), captures.errors.get(), captures.accepted.size(), stored);
        boolean ok = captures.errors.get() == 0 && stored == captures.accepted.size()
            && captures.answers.percentileMillis(99) <= 1_000;
        if (!ok) {
          break;
        }
        sustained = perSecond;
        Thread.sleep(5_000);
      }
    }
    System.out.printf("%nHighest sustained intake (no error, every accepted lead stored, p99 ≤ 1 s): %s%n",
        sustained == null ? "none" : sustained + " leads/s");
    System.exit(0);
  }

  private static long stored(Connection db, LeadCaptures captures) throws Exception {
    try (PreparedStatement query = db.prepareStatement("select count(*) from lead where id = any(?::uuid[])")) {
      query.setArray(1, db.createArrayOf("text", captures.accepted.keySet().toArray()));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
