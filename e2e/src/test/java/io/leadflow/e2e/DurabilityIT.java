package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Leads outlive the processes that run them, on Temporal's own server as the run command starts
 * it: the whole stack stopped mid-cadence and started again, and a worker killed with
 * {@code kill -9} while another serves the same task queue. Time is compressed (a cadence day
 * lasts seconds) and every hour is inside quiet hours, so each touch is due at a known moment.
 */
class DurabilityIT {

  /** What the dry-run channel logs for each send: the count of these lines is the count of sends. */
  private static final Pattern SEND = Pattern.compile("DRY-RUN (CALL|SMS|EMAIL) to lead (\\S+) for step (\\S+)");

  @Test
  void stoppingTheWholeStackMidCadenceLosesNoLeadAndRepeatsNoTouch() throws Exception {
    Map<String, String> env = environment("leadflow_e2e_restart", "12s");
    LeadApi api = new LeadApi(Integer.parseInt(env.get("LEADFLOW_API_PORT")));
    List<String> output = new ArrayList<>();
    List<String> leads = new ArrayList<>();
    Instant captured;

    try (LocalStack stack = LocalStack.start(env)) {
      awaitStarted(stack, env);
      captured = Instant.now();
      for (int i = 0; i < 4; i++) {
        leads.add(api.capture("Durable " + i, "durable+" + UUID.randomUUID() + "@globex.test", phone(i)));
      }
      // Day 3 (24 s after routing) has gone out for every lead: stop while day 5 and 8 are ahead.
      await().atMost(Duration.ofSeconds(90)).until(() -> leads.stream().allMatch(id -> api.hasTouch(id, "r1-d3")));
      assertThat(leads).noneMatch(id -> api.hasTouch(id, "r1-d5"));
      stack.interrupt();
      assertThat(stack.waitForExit(Duration.ofSeconds(30))).isTrue();
      output.addAll(stack.output());
    }

    // Day 5 (48 s after routing) and day 8 (84 s) fall due while nothing runs.
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), captured.plusSeconds(90)).toMillis()));
    try (LocalStack stack = LocalStack.start(env)) {
      awaitStarted(stack, env);
      // Promptly: the overdue touches leave as soon as the worker polls, not a cadence day later.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> leads.stream().allMatch(id -> api.hasTouch(id, "r1-d5") && api.hasTouch(id, "r1-d8")));
      stack.interrupt();
      assertThat(stack.waitForExit(Duration.ofSeconds(30))).isTrue();
      output.addAll(stack.output());
    }

    Map<String, Long> sends = sendsPerTouch(output);
    assertThat(sends).containsKeys(leads.stream().map(id -> id + " r1-d5 CALL").toArray(String[]::new));
    assertThat(sends).allSatisfy((touch, count) -> assertThat(count).as(touch).isEqualTo(1));
  }

  @Test
  void aWorkerKilledWithKill9LeavesEveryLeadToTheOtherWorker() throws Exception {
    Map<String, String> env = environment("leadflow_e2e_two_workers", "8s");
    LeadApi api = new LeadApi(Integer.parseInt(env.get("LEADFLOW_API_PORT")));
    List<String> leads = new ArrayList<>();

    try (LocalStack stack = LocalStack.start(env)) {
      awaitStarted(stack, env);
      Map<String, String> second = new HashMap<>(env);
      second.put("TEMPORAL_ADDRESS", "127.0.0.1:" + env.get("LEADFLOW_TEMPORAL_PORT"));
      second.put("LEADFLOW_WORKER_MANAGEMENT_PORT", Integer.toString(LocalStack.freePort()));
      try (WorkerProcess other = WorkerProcess.start(second)) {
        await().atMost(Duration.ofMinutes(1)).until(() -> other.hasPrinted("Started WorkerApplication"));
        for (int i = 0; i < 8; i++) {
          leads.add(api.capture("Shared " + i, "shared+" + UUID.randomUUID() + "@globex.test", phone(10 + i)));
        }
        // Both workers are taking the leads' work when one of them dies.
        await().atMost(Duration.ofSeconds(60)).until(() -> sendsPerTouch(other.output()).size() >= 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> leads.stream().allMatch(id -> api.hasTouch(id, "r1-d1")));
        other.kill();

        await().atMost(Duration.ofSeconds(60)).until(() -> leads.stream().allMatch(id -> api.hasTouch(id, "r1-d5")));
        List<String> output = new ArrayList<>(stack.output());
        output.addAll(other.output());
        assertThat(sendsPerTouch(output)).allSatisfy((touch, count) -> assertThat(count).as(touch).isEqualTo(1));
      }
      stack.interrupt();
      assertThat(stack.waitForExit(Duration.ofSeconds(30))).isTrue();
    }
  }

  /** Sends per touch ("lead step channel"), across every process that ran the leads. */
  private static Map<String, Long> sendsPerTouch(List<String> output) {
    return output.stream()
        .map(SEND::matcher)
        .filter(Matcher::find)
        .collect(Collectors.groupingBy(m -> m.group(2) + " " + m.group(3) + " " + m.group(1), Collectors.counting()));
  }

  private static void awaitStarted(LocalStack stack, Map<String, String> env) {
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> stack.hasPrinted("LeadFlow API ready at http://localhost:" + env.get("LEADFLOW_API_PORT")));
    await().atMost(Duration.ofMinutes(1)).until(() -> stack.hasPrinted("Started WorkerApplication"));
  }

  private static String phone(int i) {
    return "+1646201" + String.format("%04d", i);
  }

  private static Map<String, String> environment(String database, String day) throws Exception {
    Path temporal = Files.createTempDirectory("leadflow-e2e-temporal");
    Database.drop(database);
    Map<String, String> env = new HashMap<>();
    env.put("LEADFLOW_API_PORT", Integer.toString(LocalStack.freePort()));
    env.put("LEADFLOW_TEMPORAL_PORT", Integer.toString(LocalStack.freePort()));
    env.put("LEADFLOW_TEMPORAL_UI_PORT", Integer.toString(LocalStack.freePort()));
    env.put("LEADFLOW_TEMPORAL_DB", temporal.resolve("temporal.db").toString());
    env.put("LEADFLOW_WORKER_MANAGEMENT_PORT", Integer.toString(LocalStack.freePort()));
    env.put("LEADFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
    env.put("JAVA_OPTS", "-Xmx256m");
    env.put("LEADFLOW_LIFECYCLE_DAY", day);
    env.put("LEADFLOW_LIFECYCLE_ACK_SLA", "1s");
    env.put("LEADFLOW_LIFECYCLE_BACKUP_ACK_SLA", "1s");
    env.put("LEADFLOW_LIFECYCLE_TIERS_WARM_ACK_SLA", "1s");
    env.put("LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_START", "00:00");
    env.put("LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_END", "23:59:59");
    env.put("LEADFLOW_LIFECYCLE_QUIET_HOURS_FALLBACK_ZONES", "UTC");
    env.put("LEADFLOW_LIFECYCLE_QUIET_HOURS_OPENING_SPREAD", "0s");
    return env;
  }
}
