package io.leadflow.bench;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Capture → first touch against the running local stack, at fixed arrival rates, next to the bare
 * Temporal path (start a workflow that runs one no-op activity) at the same rates.
 * Usage: bench/run.sh [rates per second, e.g. 25,50,100] [seconds per rate]
 *
 * <p>A rate is sustained when every lead got its first touch and p99 stayed within 1 s. The first
 * rate that is not ends the ladder (BENCH_KEEP_GOING=true runs the rest anyway): a higher rate
 * would only pile a longer backlog onto the same saturated stack.
 */
public final class CaptureBenchmark {

  private CaptureBenchmark() {}

  public static void main(String[] args) throws Exception {
    String[] rates = (args.length > 0 ? args[0] : "25,50,100").split(",");
    Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
    String api = env("BENCH_API", "http://localhost:8080");
    String db = env("LEADFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:5432/leadflow");
    String temporal = env("TEMPORAL_ADDRESS", "127.0.0.1:7233");

    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(temporal).build());
    WorkflowClient client = WorkflowClient.newInstance(service);
    WorkerFactory workers = WorkerFactory.newInstance(client);
    BareWorkflow.RecordingNoop noop = new BareWorkflow.RecordingNoop();
    var worker = workers.newWorker("bench-baseline");
    worker.registerWorkflowImplementationTypes(BareWorkflow.Impl.class);
    worker.registerActivitiesImplementations(noop);
    workers.start();

    System.out.printf("%d cores, %d MiB max heap (bench JVM); %s for %d s per rate%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, String.join(",", rates), duration.toSeconds());
    System.out.println("| rate/s | LeadFlow capture → first touch | capture HTTP answer | errors | bare Temporal start → activity | ratio p50 | ratio p99 |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
    boolean keepGoing = Boolean.parseBoolean(env("BENCH_KEEP_GOING", "false"));
    Integer sustained = null;
    String saturatedAt = null;
    try (Connection connection = DriverManager.getConnection(db, "postgres", "")) {
      for (String rate : rates) {
        int perSecond = Integer.parseInt(rate.strip());
        if (saturatedAt != null && !keepGoing) {
          System.out.printf("| %d | not run: saturated at %s leads/s | | | | | |%n", perSecond, saturatedAt);
          continue;
        }
        Result leadflow = leadflow(api, connection, perSecond, duration);
        drain(connection, leadflow.leadIds());
        Latencies bare = baseline(client, noop, perSecond, duration);
        System.out.printf(
            "| %d | %s | %s | %d | %s | %.1f× | %.1f× |%n",
            perSecond, leadflow.firstTouch.summary(), leadflow.answer.summary(), leadflow.errors, bare.summary(),
            leadflow.firstTouch.percentileMillis(50) / bare.percentileMillis(50),
            leadflow.firstTouch.percentileMillis(99) / bare.percentileMillis(99));
        if (leadflow.sustained()) {
          sustained = sustained == null ? perSecond : Math.max(sustained, perSecond);
        } else if (saturatedAt == null) {
          saturatedAt = String.valueOf(perSecond);
        }
      }
      System.out.println();
      System.out.printf("Highest sustained rate (every lead touched, p99 ≤ 1 s): %s%n",
          sustained == null ? "none" : sustained + " leads/s");
      System.out.println();
      StorageCost.print(connection);
    }
    workers.shutdownNow();
    service.shutdownNow();
    System.exit(0); // the HTTP clients' thread pools would keep the JVM alive
  }

  private record Result(Latencies firstTouch, Latencies answer, int errors, List<String> leadIds) {

    boolean sustained() {
      return errors == 0 && firstTouch.count() > 0 && firstTouch.percentileMillis(99) <= 1_000;
    }
  }

  private static Result leadflow(String api, Connection db, int perSecond, Duration duration) throws Exception {
    LeadCaptures captures = LeadCaptures.post(api, perSecond, duration);
    Map<String, Long> dueWallMillis = captures.accepted;
    Thread.sleep(15_000); // let the last leads reach their first touch
    Latencies firstTouch = new Latencies();
    List<String> ids = new ArrayList<>(dueWallMillis.keySet());
    try (PreparedStatement query = db.prepareStatement(FIRST_TOUCHES)) {
      query.setArray(1, db.createArrayOf("text", ids.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          firstTouch.recordMicros((rows.getTimestamp(2).getTime() - dueWallMillis.get(rows.getString(1))) * 1000);
        }
      }
    }
    int untouched = ids.size() - (int) firstTouch.count();
    return new Result(firstTouch, captures.answers, captures.errors.get() + untouched, ids);
  }

  private static final String FIRST_TOUCHES =
      "select lead_id::text, min(sent_at) from touch where outcome = 'SENT' and lead_id = any(?::uuid[]) group by lead_id";

  /** Waits (at most 10 minutes) until a saturated rate's backlog is through, so it does not slow the baseline or the next rate. */
  private static void drain(Connection db, List<String> ids) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      long touched;
      try (PreparedStatement query = db.prepareStatement(
          "select count(distinct lead_id) from touch where outcome = 'SENT' and lead_id = any(?::uuid[])")) {
        query.setArray(1, db.createArrayOf("text", ids.toArray()));
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          touched = rows.getLong(1);
        }
      }
      if (touched == ids.size()) {
        return;
      }
      Thread.sleep(5_000);
    }
  }

  private static Latencies baseline(WorkflowClient client, BareWorkflow.RecordingNoop noop, int perSecond, Duration duration)
      throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(16);
    Map<String, Long> dueWallMillis = new ConcurrentHashMap<>();
    long wallAtNano = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
    OpenLoop.run(perSecond, duration, due -> starters.execute(() -> {
      String id = "bench-" + UUID.randomUUID();
      dueWallMillis.put(id, wallAtNano + due / 1_000_000);
      BareWorkflow workflow = client.newWorkflowStub(
          BareWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue("bench-baseline").setWorkflowId(id).build());
      WorkflowClient.start(workflow::run, id);
    }));
    Thread.sleep(10_000);
    starters.shutdown();
    Latencies latencies = new Latencies();
    dueWallMillis.forEach((id, due) -> {
      Long touched = noop.touchedAtMillis.get(id);
      if (touched != null) {
        latencies.recordMicros((touched - due) * 1000);
      }
    });
    return latencies;
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
