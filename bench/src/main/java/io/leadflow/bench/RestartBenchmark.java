package io.leadflow.bench;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full-stack restart with open cadences; bench/servers.sh stops and starts the stack around it.
 *
 * <pre>
 *   open &lt;leads&gt; &lt;due-file&gt;
 *       captures the leads, waits until each has its day-1 call and SMS SENT and its workflow
 *       waits for day 3, and writes "leadId dueEpochMillis" of every lead's day-3 email
 *   measure &lt;due-file&gt; &lt;restart-epoch-millis&gt; &lt;summary-file&gt; &lt;restart-log&gt; [earlier logs]
 *       after the restart: waits until every lead whose workflow is still on the Temporal server
 *       has its day-3 email SENT, prints a markdown table and writes key=value to summary-file
 * </pre>
 *
 * Environment: BENCH_API, LEADFLOW_DB_URL, TEMPORAL_ADDRESS (the stack's), BENCH_DAY (the
 * cadence day in seconds the stack runs with), BENCH_OPEN_RATE (captures per second, 20),
 * BENCH_RESTART_TIMEOUT (seconds after the restart to wait for the day-3 emails, 600).
 */
public final class RestartBenchmark {

  /** What the dry-run channel logs for each send. */
  private static final Pattern SEND = Pattern.compile("DRY-RUN (CALL|SMS|EMAIL) to lead (\\S+) for step (\\S+)");

  private static final Pattern LEAD_ID = Pattern.compile("\"leadId\":\"([0-9a-f-]{36})\"");

  /** How long to keep watching for a day-3 email of a lead whose workflow the server no longer has. */
  private static final long LOST_GRACE_MILLIS = 30_000;

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RestartBenchmark() {}

  public static void main(String[] args) throws Exception {
    String temporal = CaptureBenchmark.env("TEMPORAL_ADDRESS", "127.0.0.1:7233");
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(temporal).build());
    int status;
    try (Connection db = DriverManager.getConnection(
        CaptureBenchmark.env("LEADFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:5432/leadflow"), "postgres", "")) {
      status = switch (args[0]) {
        case "open" -> open(service, db, Integer.parseInt(args[1]), Path.of(args[2]));
        case "measure" -> measure(service, db, args);
        default -> throw new IllegalArgumentException("open or measure, not " + args[0]);
      };
    }
    service.shutdownNow();
    System.exit(status); // the HTTP client's threads would keep the JVM alive
  }

  // ---- before the stop ----

  private static int open(WorkflowServiceStubs service, Connection db, int leads, Path dueFile) throws Exception {
    int rate = Integer.parseInt(CaptureBenchmark.env("BENCH_OPEN_RATE", "20"));
    long day = Long.parseLong(CaptureBenchmark.env("BENCH_DAY", "120")) * 1000;
    long started = System.currentTimeMillis();
    List<String> ids = capture(CaptureBenchmark.env("BENCH_API", "http://localhost:8080"), leads, rate);
    long captured = System.currentTimeMillis();
    System.out.printf("%d of %d leads captured in %.1f s (%d/s)%n", ids.size(), leads, (captured - started) / 1000.0, rate);
    if (ids.size() < leads) {
      System.out.println("Some captures failed: the stack is not healthy, no restart measurement.");
      return 1;
    }

    // Every lead's day-1 call and SMS; the earliest day-3 email is due two days after the first routing.
    long deadline = captured + 2 * day;
    long lastReport = 0;
    long withDayOne;
    while ((withDayOne = count(db, DAY_ONE_SENT, ids)) < ids.size()) {
      if (System.currentTimeMillis() > deadline) {
        System.out.printf("Only %d of %d leads had their day-1 call and SMS SENT after %.0f s: raise BENCH_DAY or lower BENCH_OPEN_RATE.%n",
            withDayOne, ids.size(), (System.currentTimeMillis() - captured) / 1000.0);
        return 1;
      }
      if (System.currentTimeMillis() - lastReport > 15_000) {
        lastReport = System.currentTimeMillis();
        System.out.printf("  %s %d of %d leads have their day-1 call and SMS SENT%n", CLOCK.format(Instant.now()), withDayOne, ids.size());
      }
      Thread.sleep(1_000);
    }
    long dayOneDone = System.currentTimeMillis();

    // The moment each day-3 email is due, as the lead's own workflow planned it (its state query,
    // read through the API: what the workflow answers is encrypted for the API's key).
    String api = CaptureBenchmark.env("BENCH_API", "http://localhost:8080");
    HttpClient http = HttpClient.newHttpClient();
    Map<String, Long> due = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (String id : ids) {
      pool.execute(() -> {
        Long at = dayThreeDue(http, api, id);
        if (at != null) {
          due.put(id, at);
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    if (due.size() < ids.size()) {
      System.out.printf("Only %d of %d workflows said when their day-3 email is due.%n", due.size(), ids.size());
      return 1;
    }
    Files.write(dueFile, ids.stream().map(id -> id + " " + due.get(id)).toList());
    long first = due.values().stream().min(Long::compare).orElseThrow();
    long last = due.values().stream().max(Long::compare).orElseThrow();
    System.out.printf("Every day-1 call and SMS SENT %.1f s after the first capture; day-3 emails due %s–%s UTC (%s)%n",
        (dayOneDone - started) / 1000.0, CLOCK.format(Instant.ofEpochMilli(first)), CLOCK.format(Instant.ofEpochMilli(last)),
        first > System.currentTimeMillis() ? "the first in " + (first - System.currentTimeMillis()) / 1000 + " s"
            : "the first is already due: raise BENCH_DAY");
    return 0;
  }

  private static List<String> capture(String api, int leads, int perSecond) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String[] ids = new String[leads];
    List<CompletableFuture<?>> answers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < leads; i++) {
      long wait = start + i * 1_000_000_000L / perSecond - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String body = String.format(
          "{\"name\":\"Restart %d\",\"email\":\"restart+%s-%d@globex.test\",\"phone\":\"+16463%06d\",\"source\":\"web\",\"interest\":\"demo request\","
              + "\"consent\":[{\"channel\":\"CALL\",\"method\":\"CHECKBOX\",\"text\":\"Acme may call me.\"},"
              + "{\"channel\":\"SMS\",\"method\":\"CHECKBOX\",\"text\":\"Acme may text me.\"}]}",
          i, run, i, i);
      HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/v1/leads"))
          .header("Content-Type", "application/json")
          // The admin key: only a key that reads every lead is told the lead's id (docs/api.md).
          .header("Authorization", "Bearer dev-admin")
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
      int index = i;
      answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
        Matcher id = LEAD_ID.matcher(response.body());
        if (response.statusCode() == 202 && id.find()) {
          ids[index] = id.group(1);
        } else {
          System.out.printf("  capture %d answered %d: %s%n", index, response.statusCode(), response.body());
        }
      }).exceptionally(failure -> {
        System.out.printf("  capture %d failed: %s%n", index, failure);
        return null;
      }));
    }
    answers.forEach(answer -> answer.orTimeout(60, TimeUnit.SECONDS).exceptionally(failure -> null).join());
    List<String> accepted = new ArrayList<>();
    for (String id : ids) {
      if (id != null) {
        accepted.add(id);
      }
    }
    return accepted;
  }

  /** The lead's day-3 due time from its workflow's state query, once its next touch is day 3 (at most a minute). */
  private static Long dayThreeDue(HttpClient http, String api, String leadId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/v1/leads/" + leadId))
        .header("Authorization", "Bearer dev-admin")
        .build();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        JsonNode live = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("live");
        JsonNode at = live.path("nextTouchAt");
        if (live.path("nextTouch").asString("").startsWith("Day 3") && (at.isNumber() || at.isString())) {
          return at.isNumber() ? Math.round(at.asDouble() * 1000) : Instant.parse(at.asString()).toEpochMilli();
        }
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (IOException | RuntimeException e) {
        System.out.printf("  state of lead %s: %s%n", leadId, e.getMessage());
        return null;
      }
    }
    return null;
  }

  // ---- after the restart ----

  private static int measure(WorkflowServiceStubs service, Connection db, String[] args) throws Exception {
    Map<String, Long> due = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      String[] parts = line.split(" ");
      due.put(parts[0], Long.parseLong(parts[1]));
    }
    List<String> ids = new ArrayList<>(due.keySet());
    long restartAt = Long.parseLong(args[2]);
    Path summaryFile = Path.of(args[3]);
    List<Path> logs = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      logs.add(Path.of(args[i]));
    }
    long workerAt = workerStarted(logs.get(0));
    long timeout = Long.parseLong(CaptureBenchmark.env("BENCH_RESTART_TIMEOUT", "600")) * 1000;
    long day = Long.parseLong(CaptureBenchmark.env("BENCH_DAY", "120")) * 1000;

    // Which workflows the Temporal server still has after the restart.
    Map<String, String> workflowStatus = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (String id : ids) {
      pool.execute(() -> workflowStatus.put(id, describe(service, id)));
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    Set<String> lost = ids.stream().filter(id -> workflowStatus.get(id).equals("NOT_FOUND")).collect(Collectors.toSet());
    List<String> kept = ids.stream().filter(id -> !lost.contains(id)).toList();

    // Every kept lead's day-3 email SENT, or the timeout; leads whose workflow is gone get a short look too.
    while (true) {
      Map<String, Long> sentSoFar = dayThreeSent(db, ids);
      long now = System.currentTimeMillis();
      boolean keptDone = kept.stream().allMatch(sentSoFar::containsKey);
      if ((keptDone && (lost.isEmpty() || now > workerAt + LOST_GRACE_MILLIS)) || now > restartAt + timeout) {
        break;
      }
      Thread.sleep(250);
    }
    Thread.sleep(2_000); // the last sends' log lines reach the log file
    Map<String, Long> sent = dayThreeSent(db, ids);

    Latencies lateness = new Latencies();
    sent.forEach((id, at) -> lateness.recordMicros((at - due.get(id)) * 1000));
    long firstSent = sent.values().stream().min(Long::compare).orElse(0L);
    long lastSent = sent.values().stream().max(Long::compare).orElse(0L);
    long sentBeforeStop = sent.values().stream().filter(at -> at < restartAt).count();
    long lostSent = lost.stream().filter(sent::containsKey).count();
    long missing = kept.stream().filter(id -> !sent.containsKey(id)).count();
    long dayFiveDueEarly = due.values().stream().filter(at -> at + 2 * day < workerAt).count();
    Map<String, Long> notRunning = kept.stream()
        .filter(id -> !workflowStatus.get(id).equals("RUNNING"))
        .collect(Collectors.groupingBy(workflowStatus::get, Collectors.counting()));
    long duplicateRows = count(db, DUPLICATE_ROWS, ids);
    Map<String, Long> logLines = sendsPerTouch(logs, ids);
    long duplicateLogLines = logLines.values().stream().filter(n -> n > 1).count();
    long sentRows = count(db, SENT_ROWS, ids);
    long logLineTotal = logLines.values().stream().mapToLong(Long::longValue).sum();
    boolean allSent = !kept.isEmpty() && kept.stream().allMatch(sent::containsKey);

    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("leads", String.valueOf(ids.size()));
    summary.put("lost", String.valueOf(lost.size()));
    summary.put("d3_sent", String.valueOf(sent.size()));
    summary.put("restart_to_worker_s", seconds(workerAt - restartAt));
    summary.put("restart_to_all_s", allSent ? seconds(lastSent - restartAt) : "");
    summary.put("worker_to_all_s", allSent ? seconds(lastSent - workerAt) : "");
    summary.put("late_p50_s", sent.isEmpty() ? "" : String.format("%.1f", lateness.percentileMillis(50) / 1000));
    summary.put("late_p99_s", sent.isEmpty() ? "" : String.format("%.1f", lateness.percentileMillis(99) / 1000));
    summary.put("duplicate_rows", String.valueOf(duplicateRows));
    summary.put("duplicate_log_lines", String.valueOf(duplicateLogLines));
    Files.write(summaryFile, summary.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());

    long firstDue = due.values().stream().min(Long::compare).orElseThrow();
    long lastDue = due.values().stream().max(Long::compare).orElseThrow();
    System.out.println("| restart with " + ids.size() + " open cadences | |");
    System.out.println("| --- | --- |");
    row("day-3 emails due (UTC)", CLOCK.format(Instant.ofEpochMilli(firstDue)) + "–" + CLOCK.format(Instant.ofEpochMilli(lastDue))
        + "; stack started again " + CLOCK.format(Instant.ofEpochMilli(restartAt))
        + String.format(" (%.0f–%.0f s overdue)", (restartAt - lastDue) / 1000.0, (restartAt - firstDue) / 1000.0));
    row("run-local start → worker started", seconds(workerAt - restartAt) + " s");
    row("workflows on the Temporal server after the restart", kept.size() + " of " + ids.size()
        + (notRunning.isEmpty() ? "" : " (not running: " + notRunning + ")"));
    if (!kept.isEmpty()) {
      row("day-3 emails SENT after the restart", (sent.size() - sentBeforeStop) + " of " + ids.size()
          + (missing > 0 ? String.format(" (%d kept leads had none after %.0f s)", missing, timeout / 1000.0) : ""));
      if (allSent) {
        row("run-local start → every day-3 email SENT", seconds(lastSent - restartAt) + " s");
        row("worker started → first / every day-3 email SENT", seconds(firstSent - workerAt) + " s / " + seconds(lastSent - workerAt) + " s");
      }
      row("lateness of the day-3 emails vs. their due time", sent.isEmpty() ? "none SENT"
          : String.format("p50 %.1f s, p99 %.1f s, max %.1f s", lateness.percentileMillis(50) / 1000,
              lateness.percentileMillis(99) / 1000, lateness.percentileMillis(100) / 1000));
    }
    row("leads lost", lost.size() + " of " + ids.size()
        + (lost.isEmpty() ? "" : String.format(" (no workflow on the server after the restart; %d of them got a day-3 email within %.0f s of the worker's start)",
            lostSent, LOST_GRACE_MILLIS / 1000.0)));
    row("touched twice: rows per lead+step+channel / DRY-RUN log lines per lead+step+channel", duplicateRows + " / " + duplicateLogLines
        + String.format(" (%d SENT rows, %d DRY-RUN lines for these leads)", sentRows, logLineTotal));
    if (sentBeforeStop > 0) {
      row("WARNING", sentBeforeStop + " day-3 emails went out before the stop: raise BENCH_DAY");
    }
    if (dayFiveDueEarly > 0) {
      row("note", dayFiveDueEarly + " leads' day-5 call was also due before the worker started (it went out too): raise BENCH_DAY");
    }
    return 0;
  }

  private static void row(String what, String value) {
    System.out.println("| " + what + " | " + value + " |");
  }

  private static String seconds(long millis) {
    return String.format("%.1f", millis / 1000.0);
  }

  /** The workflow's status on the server (RUNNING...), or NOT_FOUND. */
  private static String describe(WorkflowServiceStubs service, String leadId) {
    try {
      WorkflowExecutionStatus status = service.blockingStub()
          .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(CaptureBenchmark.env("TEMPORAL_NAMESPACE", "default"))
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId("lead-" + leadId))
              .build())
          .getWorkflowExecutionInfo()
          .getStatus();
      return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
    } catch (StatusRuntimeException e) {
      // NOT_FOUND: the server does not have it; anything else is reported as it is
      return e.getStatus().getCode() == Status.Code.NOT_FOUND ? "NOT_FOUND" : "describe failed: " + e.getStatus().getCode();
    }
  }

  /** When the restarted worker said it had started: the timestamp of its "Started WorkerApplication" line. */
  private static long workerStarted(Path log) throws IOException {
    String line = Files.readAllLines(log).stream()
        .filter(l -> l.contains("Started WorkerApplication"))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("No \"Started WorkerApplication\" in " + log));
    return OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant().toEpochMilli();
  }

  /** DRY-RUN log lines per "lead step channel" of these leads, across the logs. */
  private static Map<String, Long> sendsPerTouch(List<Path> logs, List<String> ids) throws IOException {
    Set<String> leads = new HashSet<>(ids);
    Map<String, Long> sends = new HashMap<>();
    for (Path log : logs) {
      for (String line : Files.readAllLines(log)) {
        Matcher send = SEND.matcher(line);
        if (send.find() && leads.contains(send.group(2))) {
          sends.merge(send.group(2) + " " + send.group(3) + " " + send.group(1), 1L, Long::sum);
        }
      }
    }
    return sends;
  }

  private static final String DAY_ONE_SENT =
      "select count(*) from (select lead_id from touch where lead_id = any(?::uuid[]) and step like '%-d1' and outcome = 'SENT'"
          + " group by lead_id having count(distinct channel) = 2) t";

  private static final String DUPLICATE_ROWS =
      "select count(*) from (select 1 from touch where lead_id = any(?::uuid[]) group by lead_id, step, channel having count(*) > 1) t";

  private static final String SENT_ROWS = "select count(*) from touch where lead_id = any(?::uuid[]) and outcome = 'SENT'";

  private static long count(Connection db, String sql, List<String> ids) throws Exception {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setArray(1, db.createArrayOf("text", ids.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Lead id → when its day-3 email was SENT (epoch millis). */
  private static Map<String, Long> dayThreeSent(Connection db, List<String> ids) throws Exception {
    Map<String, Long> sent = new HashMap<>();
    try (PreparedStatement query = db.prepareStatement(
        "select lead_id::text, min(sent_at) from touch where lead_id = any(?::uuid[]) and step like '%-d3' and outcome = 'SENT' group by lead_id")) {
      query.setArray(1, db.createArrayOf("text", ids.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          sent.put(rows.getString(1), rows.getTimestamp(2).getTime());
        }
      }
    }
    return sent;
  }
}
