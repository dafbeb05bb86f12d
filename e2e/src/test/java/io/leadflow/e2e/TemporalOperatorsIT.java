package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/operations.md's Temporal CLI recipes, run as written against the local stack's real
 * Temporal server (only {@code <placeholders>} filled in, with the codec variables the runbook
 * sets), and its Temporal Web UI in headless Chromium, signed in to the API's codec. Four leads: two WARM ones waiting for ana (their SLA outlasts the test), a HOT one
 * whose 3s SLAs ran out (ana → ben → mia, then the cadence), a COLD one in nurture.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TemporalOperatorsIT {

  private static final Path ROOT = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath();
  private static final Path RUNBOOK = ROOT.resolve("docs/operations.md");
  private static final String DB_URL =
      System.getenv().getOrDefault("LEADFLOW_E2E_OPS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/leadflow_e2e_ops");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String ROW = "[data-testid='workflows-summary-configurable-table-row']";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Set<String> ran = new LinkedHashSet<>();

  private static Path work;
  private static LocalStack stack;
  private static int apiPort;
  private static int temporalPort;
  private static int uiPort;
  private static String cli;
  private static String warm;
  private static String otherWarm;
  private static String hot;
  private static String cold;
  private static Instant betweenCaptures;
  private static Instant beforeCaptures;

  @BeforeAll
  static void startTheStackAndCaptureLeads() throws Exception {
    if (!System.getenv().containsKey("LEADFLOW_E2E_OPS_DB_URL")) {
      // An earlier run's open leads would be resumed by the reconciler into this run's Temporal
      // and answer the runbook's queries beside this run's leads.
      Database.drop("leadflow_e2e_ops");
    }
    work = Files.createTempDirectory("leadflow-ops");
    apiPort = LocalStack.freePort();
    temporalPort = LocalStack.freePort();
    uiPort = LocalStack.freePort();
    cli = sh(ROOT, "bash scripts/temporal-cli.sh", "").strip();
    stack =
        LocalStack.start(
            Map.ofEntries(
                Map.entry("LEADFLOW_API_PORT", Integer.toString(apiPort)),
                Map.entry("LEADFLOW_TEMPORAL_PORT", Integer.toString(temporalPort)),
                Map.entry("LEADFLOW_TEMPORAL_UI_PORT", Integer.toString(uiPort)),
                Map.entry("LEADFLOW_TEMPORAL_DB", work.resolve("temporal/temporal.db").toString()),
                Map.entry("LEADFLOW_WORKER_MANAGEMENT_PORT", Integer.toString(LocalStack.freePort())),
                Map.entry("LEADFLOW_DB_URL", DB_URL),
                Map.entry("LEADFLOW_LIFECYCLE_ACK_SLA", "3s"),
                Map.entry("LEADFLOW_LIFECYCLE_BACKUP_ACK_SLA", "3s"),
                // WARM leads wait for ana longer than the test runs: they stay AWAITING_ACK.
                Map.entry("LEADFLOW_LIFECYCLE_TIERS_WARM_ACK_SLA", "30m"),
                Map.entry("LEADFLOW_LIFECYCLE_DAY", "10m"),
                Map.entry("JAVA_OPTS", "-Xmx256m")));
    await("the stack: " + work)
        .atMost(Duration.ofMinutes(3))
        .until(
            () ->
                stack.hasPrinted("Web UI http://localhost:" + uiPort)
                    && stack.hasPrinted("LeadFlow API ready at http://localhost:" + apiPort)
                    && stack.hasPrinted("Started WorkerApplication"));

    beforeCaptures = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    warm = capture("web", "pricing", "globex.test");
    otherWarm = capture("web", "pricing", "globex.test");
    awaitLead(warm, "AWAITING_ACK", "ana");
    awaitLead(otherWarm, "AWAITING_ACK", "ana");
    betweenCaptures = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    hot = capture("ads", "demo", "globex.test");
    cold = capture("web", "ebook", "gmail.com");
    awaitLead(hot, "IN_CADENCE", "mia");
    awaitLead(cold, "NURTURE", null);
  }

  @AfterAll
  static void stopTheStack() throws Exception {
    if (stack == null) {
      return;
    }
    List<ProcessHandle> parts = stack.process().descendants().toList();
    try {
      stack.interrupt();
      assertThat(stack.waitForExit(Duration.ofSeconds(60))).as("run-local.sh stops on Ctrl-C").isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> parts.stream().noneMatch(ProcessHandle::isAlive));
    } finally {
      stack.close();
      parts.forEach(ProcessHandle::destroyForcibly);
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  @Order(1)
  void theRunbookFindsALeadAndReadsItsHistory() throws Exception {
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(runbook("temporal workflow list --query 'ExecutionStatus=\"Running\" AND LeadStatus=\"AWAITING_ACK\" AND AssignedRep=\"ana\"'"))
            .contains(id(warm), id(otherWarm))
            .doesNotContain(id(hot), id(cold)));
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(runbook("temporal workflow count --query 'ExecutionStatus=\"Running\" AND LeadStatus=\"AWAITING_ACK\"'"))
            .containsPattern("Total: 2\\b"));
    assertThat(runbook("temporal workflow count --query 'ExecutionStatus=\"Running\" AND StartTime < \"<deploy time>\"'",
            Map.of("<deploy time>", betweenCaptures.toString())))
        .contains("Total: 2");
    assertThat(runbook("temporal workflow count --query 'ExecutionStatus=\"Running\" AND StartTime < \"<deploy time>\"'",
            Map.of("<deploy time>", Instant.now().toString())))
        .contains("Total: 4");
    assertThat(runbook("temporal workflow list --query 'StartTime > \"<backup time>\"'", Map.of("<backup time>", betweenCaptures.toString())))
        .contains(id(hot), id(cold))
        .doesNotContain(id(warm), id(otherWarm));
    // Registered by the local stack, and no step of these healthy leads gave up.
    assertThat(runbook("temporal workflow list --query 'LeadStepsGaveUp > 0'"))
        .doesNotContain(id(warm), id(otherWarm), id(hot), id(cold));
    // A key rotated before the first lead could go: no run started before it.
    assertThat(runbook("temporal workflow count --query 'StartTime < \"<rotation time>\"'", Map.of("<rotation time>", beforeCaptures.toString())))
        .contains("Total: 0");

    assertThat(runbook("temporal workflow describe -w lead-<id>", Map.of("<id>", warm)))
        .containsPattern("WorkflowId\\s+" + id(warm))
        .containsPattern("StaticSummary\\s+\"web · pricing\"")
        .contains("\\\"AWAITING_ACK\\\"", "\\\"ana\\\"")
        .contains("Pending Activities: 0");
    assertThat(runbook("temporal workflow metadata -w lead-<id>", Map.of("<id>", warm)))
        .containsPattern("Current Details:\\s+Waiting for ana to acknowledge \\(SLA 30m\\)")
        .contains("disqualify", "acknowledge");
    // The ack SLA timer is pending: started, not fired, the last event so far.
    String history = runbook("temporal workflow show -w lead-<id>", Map.of("<id>", warm));
    assertThat(history).contains("ActivityTaskCompleted").doesNotContain("TimerFired");
    assertThat(history.strip()).endsWith("TimerStarted");
    assertThat(runbook("temporal workflow stack -w lead-<id>", Map.of("<id>", warm)))
        .contains("Acknowledgement.waitFor", "LeadWorkflowImpl.awaitAcknowledgement");

    runbook("temporal workflow show -w lead-<id> --output json > lead-<id>.json", Map.of("<id>", hot));
    JsonNode events = JSON.readTree(work.resolve(id(hot) + ".json").toFile()).get("events");
    assertThat(events.get(0).get("eventType").asString()).isEqualTo("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED");
    // Decrypted through the codec; the server itself holds the lead encrypted.
    assertThat(text(input(events.get(0)).get("data"))).contains("\"name\":\"Test Lead\"");
    JsonNode stored = JSON.readTree(withoutCodec("workflow", "show", "-w", id(hot), "-o", "json")).get("events").get(0);
    assertThat(text(input(stored).get("metadata").get("encoding"))).isEqualTo("binary/encrypted");
    assertThat(stored.toString()).doesNotContain(Base64.getEncoder().encodeToString("ads · demo".getBytes(StandardCharsets.UTF_8)));
    assertThat(summaries(events, "EVENT_TYPE_TIMER_STARTED")).startsWith("Ack SLA · 3s", "Ack SLA · 3s");
    assertThat(summaries(events, "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED"))
        .startsWith("Instant reply · EMAIL", "Notify ana", "Notify ben", "Notify mia");
    assertThat(summaries(events, "EVENT_TYPE_TIMER_FIRED")).hasSizeGreaterThanOrEqualTo(2);

    long worker =
        stack.process().descendants()
            .filter(p -> p.info().commandLine().orElse("").matches(".*-jar \\S*leadflow-worker\\.jar$"))
            .findFirst().orElseThrow().pid();
    assertThat(runbook("temporal task-queue describe --task-queue leads"))
        .containsPattern("workflow\\s+" + worker + "@")
        .containsPattern("activity\\s+" + worker + "@");
  }

  @Test
  @Order(2)
  void theTemporalUiListsLeadsByStatusAndShowsTimerAndActivitySummaries() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Temporal UI test skipped: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    Path profile = Files.createTempDirectory(work, "chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1600", "--user-data-dir=" + profile);
    WebDriver browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(),
            options);
    try {
      browser.manage().window().setSize(new Dimension(1600, 1000)); // every column of the list
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      // As docs/operations.md says: sign in to the codec at the UI's host name, then let the UI send it along.
      String codec = "http://localhost:" + apiPort + "/api/v1/codec";
      browser.get("http://operator:dev-manager@localhost:" + apiPort + "/api/v1/codec");
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("This key may decode Temporal payloads");
      String ui = "http://localhost:" + uiPort + "/namespaces/default/workflows";
      browser.get(ui);
      ((JavascriptExecutor) browser).executeScript(
          "localStorage.setItem('endpoint', JSON.stringify(arguments[0]));"
              + "localStorage.setItem('includeCredentials', 'true');"
              + "localStorage.setItem('overrideRemoteCodecConfiguration', 'true');",
          codec);

      browser.get(ui + "?query=" + URLEncoder.encode("LeadStatus=\"AWAITING_ACK\"", StandardCharsets.UTF_8));
      wait.until(b -> rows(b).contains(id(warm)) && rows(b).contains(id(otherWarm)));
      assertThat(browser.findElements(By.cssSelector(ROW))).hasSize(2);
      assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(id(hot), id(cold));
      screenshot(browser, "temporal-ui-leads-by-status.png");

      browser.get(ui + "?query=" + URLEncoder.encode("LeadStatus=\"NURTURE\"", StandardCharsets.UTF_8));
      wait.until(b -> rows(b).contains(id(cold)));
      assertThat(browser.findElements(By.cssSelector(ROW))).hasSize(1);

      browser.get(ui + "?query=" + URLEncoder.encode("LeadStatus=\"MEETING_BOOKED\"", StandardCharsets.UTF_8));
      wait.until(b -> b.findElement(By.tagName("body")).getText().contains("No Workflows Found"));
      assertThat(browser.findElements(By.cssSelector(ROW))).isEmpty();

      browser.get(ui + "/" + id(hot) + "/" + runId(hot) + "/history");
      wait.until(b -> b.findElement(By.tagName("body")).getText().contains("Ack SLA · 3s"));
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("ads · demo");
      browser.findElement(By.xpath("//*[normalize-space()='Compact']")).click();
      wait.until(b -> !b.findElement(By.tagName("body")).getText().contains("Timer Fired")); // one row per timer
      assertThat(browser.findElements(By.xpath("//tr[contains(., 'Ack SLA · 3s')]")))
          .hasSize(2)
          .allSatisfy(timer -> assertThat(timer.getText()).contains("Timer", "3 seconds"));
      for (String rep : List.of("ana", "ben", "mia")) {
        assertThat(browser.findElements(By.xpath("//tr[contains(., 'Notify " + rep + "')]")))
            .singleElement()
            .satisfies(activity -> assertThat(activity.getText()).contains("Activity", "NotifyRep"));
      }
      // The history, not the run's input above it: the input is the captured lead, contact details included.
      WebElement eventHistory = browser.findElement(By.xpath("//h2[normalize-space()='Event History']"));
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true)", eventHistory);
      screenshot(browser, "temporal-ui-lead-history.png");
    } finally {
      browser.quit();
    }
  }

  @Test
  @Order(3)
  void aResetStartsANewRunThatCarriesOnWithoutSendingTwice() throws Exception {
    String original = runId(warm);
    runbook("temporal workflow reset -w lead-<id> --type LastWorkflowTask --reason \"ticket 123: re-run after fix\"", Map.of("<id>", warm));
    assertThat(runId(warm)).isNotEqualTo(original);
    assertThat(status(id(warm), original)).isEqualTo("WORKFLOW_EXECUTION_STATUS_TERMINATED");
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
        assertThat(afterReset(history(warm))).contains("EVENT_TYPE_TIMER_STARTED Ack SLA · 30m"));

    // Back to the first workflow task: everything after it runs again, and nothing is sent twice.
    String firstTaskCompleted = "";
    for (JsonNode event : history(warm)) {
      if (event.get("eventType").asString().equals("EVENT_TYPE_WORKFLOW_TASK_COMPLETED")) {
        firstTaskCompleted = event.get("eventId").asString();
        break;
      }
    }
    runbook("temporal workflow reset -w lead-<id> --event-id <id of a WorkflowTaskCompleted> --reason \"…\"",
        Map.of("<id>", warm, "<id of a WorkflowTaskCompleted>", firstTaskCompleted));
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
        assertThat(afterReset(history(warm)))
            .contains("EVENT_TYPE_ACTIVITY_TASK_SCHEDULED Instant reply · EMAIL", "EVENT_TYPE_TIMER_STARTED Ack SLA · 30m"));
    assertThat(lead(warm).get("touches")).hasSize(1);
    assertThat(stack.output()).filteredOn(line -> line.contains("DRY-RUN EMAIL to lead " + warm + " for step r1-instant")).hasSize(1);

    // The batch: once each for the two leads waiting for ana, not for the runs the resets ended.
    await().atMost(Duration.ofMinutes(1)).until(() -> runs(warm, "ExecutionStatus=\"Running\"") == 1 && runs(warm, null) == 3);
    String batch =
        runbook("temporal workflow reset --query 'ExecutionStatus=\"Running\" AND LeadStatus=\"AWAITING_ACK\" AND AssignedRep=\"ana\"' --type LastWorkflowTask --reason \"…\"",
            Map.of(), "y\n");
    assertThat(batch).contains("approximately 2 workflow(s)");
    Matcher job = Pattern.compile("job ID: (\\S+)").matcher(batch);
    assertThat(job.find()).as(batch).isTrue();
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(runbook("temporal batch list")).containsPattern(job.group(1) + "\\s+Completed"));
    assertThat(JSON.readTree(temporal("batch", "describe", "--job-id", job.group(1), "-o", "json")).get("completeOperationCount").asString())
        .isEqualTo("2");
    await().atMost(Duration.ofSeconds(30)).until(() -> runs(warm, null) == 4 && runs(otherWarm, null) == 2);

    // The new run still takes the rep's acknowledgement and moves on.
    assertThat(post("/api/v1/leads/" + warm + "/acknowledge", "dev-rep-ana").statusCode()).isEqualTo(200);
    awaitLead(warm, "IN_CADENCE", "ana");
    assertThat(runs(warm, null)).isEqualTo(4);
    assertThat(runs(otherWarm, null)).isEqualTo(2);
  }

  @Test
  @Order(4)
  void aDisqualifySignalClosesTheLead() throws Exception {
    assertThat(runbook("temporal workflow signal -w lead-<id> --name disqualify --input '\"duplicate of an existing lead\"'",
            Map.of("<id>", otherWarm)))
        .contains("Signal workflow succeeded");
    awaitLead(otherWarm, "DISQUALIFIED", "ana");
    await().atMost(Duration.ofSeconds(30)).until(() -> status(id(otherWarm), runId(otherWarm)).equals("WORKFLOW_EXECUTION_STATUS_COMPLETED"));
  }

  @Test
  @Order(5)
  void everyTemporalCommandInTheRunbookWasRun() throws IOException {
    assertThat(ran).containsExactlyInAnyOrderElementsOf(runbookCommands());
  }

  // ---- the runbook's commands ----

  /** Every {@code temporal …} line of a code block, and every inline {@code `temporal …`}. */
  private static Set<String> runbookCommands() throws IOException {
    Set<String> commands = new LinkedHashSet<>();
    Pattern inline = Pattern.compile("`(temporal [a-z][^`]*)`");
    boolean inBlock = false;
    for (String line : Files.readAllLines(RUNBOOK)) {
      if (line.strip().startsWith("```")) {
        inBlock = !inBlock;
      } else if (inBlock && line.strip().startsWith("temporal ")) {
        commands.add(line.strip());
      } else if (!inBlock) {
        inline.matcher(line).results().forEach(m -> commands.add(m.group(1)));
      }
    }
    return commands;
  }

  private static String runbook(String command) throws Exception {
    return runbook(command, Map.of(), "");
  }

  private static String runbook(String command, Map<String, String> placeholders) throws Exception {
    return runbook(command, placeholders, "");
  }

  /**
   * Runs a command exactly as docs/operations.md shows it, placeholders filled in, with {@code
   * temporal} pointed at this stack's server; {@code answer} goes to its prompt.
   */
  private static String runbook(String command, Map<String, String> placeholders, String answer) throws Exception {
    assertThat(runbookCommands()).as("docs/operations.md's commands").contains(command);
    ran.add(command);
    String filled = command;
    for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
      filled = filled.replace(placeholder.getKey(), placeholder.getValue());
    }
    assertThat(filled).doesNotContainPattern("<[a-z][^>]*>");
    Path script = Files.createTempFile(work, "recipe", ".sh");
    Files.writeString(
        script,
        "temporal() { \"$LEADFLOW_TEMPORAL_CLI\" \"$@\" --address \"$LEADFLOW_TEMPORAL_ADDRESS\"; }\n" + filled + "\n");
    return sh(work, "bash " + script, answer);
  }

  private static String sh(Path directory, String command, String input) throws Exception {
    return exec(List.of("bash", "-c", command), directory, input);
  }

  /** The CLI for the test's own look-ups (not runbook recipes). */
  private static String temporal(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(cli));
    command.addAll(List.of(args));
    command.addAll(List.of("--address", "127.0.0.1:" + temporalPort));
    return exec(command, work, "");
  }

  /** The CLI as someone without the codec sees Temporal: payloads as stored. */
  private static String withoutCodec(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(cli));
    command.addAll(List.of(args));
    command.addAll(List.of("--address", "127.0.0.1:" + temporalPort));
    return exec(command, work, "", false);
  }

  private static String exec(List<String> command, Path directory, String input) throws Exception {
    return exec(command, directory, input, true);
  }

  private static String exec(List<String> command, Path directory, String input, boolean codec) throws Exception {
    Path output = Files.createTempFile(work, "output", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("TEMPORAL_"));
    if (codec) { // as the top of docs/operations.md sets them
      builder.environment().put("TEMPORAL_CODEC_ENDPOINT", "http://127.0.0.1:" + apiPort + "/api/v1/codec");
      builder.environment().put("TEMPORAL_CODEC_AUTH", "Bearer dev-manager");
    }
    builder.environment().put("LEADFLOW_TEMPORAL_CLI", cli == null ? "" : cli);
    builder.environment().put("LEADFLOW_TEMPORAL_ADDRESS", "127.0.0.1:" + temporalPort);
    Process process = builder.start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    boolean exited = process.waitFor(2, TimeUnit.MINUTES);
    process.destroyForcibly();
    String text = Files.readString(output);
    assertThat(exited).as(command + "\n" + text).isTrue();
    assertThat(process.exitValue()).as(command + "\n" + text).isZero();
    return text;
  }

  private static String runId(String lead) throws Exception {
    return JSON.readTree(temporal("workflow", "describe", "-w", id(lead), "-o", "json"))
        .get("workflowExecutionInfo").get("execution").get("runId").asString();
  }

  private static String status(String workflowId, String runId) throws Exception {
    return JSON.readTree(temporal("workflow", "describe", "-w", workflowId, "-r", runId, "-o", "json"))
        .get("workflowExecutionInfo").get("status").asString();
  }

  private static int runs(String lead, String andQuery) throws Exception {
    String query = "WorkflowId=\"" + id(lead) + "\"" + (andQuery == null ? "" : " AND " + andQuery);
    return JSON.readTree(temporal("workflow", "list", "--query", query, "-o", "json")).size();
  }

  private static JsonNode history(String lead) throws Exception {
    return JSON.readTree(temporal("workflow", "show", "-w", id(lead), "-o", "json")).get("events");
  }

  /** "type summary" of each event after the reset's failed workflow task. */
  private static List<String> afterReset(JsonNode events) {
    List<String> after = new ArrayList<>();
    boolean reset = false;
    for (JsonNode event : events) {
      String type = event.get("eventType").asString();
      if (reset) {
        after.add(type + " " + summary(event));
      }
      reset |=
          type.equals("EVENT_TYPE_WORKFLOW_TASK_FAILED")
              && event.get("workflowTaskFailedEventAttributes").get("cause").asString().equals("WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW");
    }
    return after;
  }

  private static List<String> summaries(JsonNode events, String type) {
    List<String> summaries = new ArrayList<>();
    for (JsonNode event : events) {
      if (event.get("eventType").asString().equals(type)) {
        summaries.add(summary(event));
      }
    }
    return summaries;
  }

  private static JsonNode input(JsonNode startedEvent) {
    return startedEvent.get("workflowExecutionStartedEventAttributes").get("input").get("payloads").get(0);
  }

  private static String text(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asString()), StandardCharsets.UTF_8);
  }

  /** The event's summary: base64 of a JSON string, or "" without one. */
  private static String summary(JsonNode event) {
    JsonNode data = event.path("userMetadata").path("summary").path("data");
    return data.isMissingNode() ? "" : JSON.readTree(Base64.getDecoder().decode(data.asString())).asString();
  }

  // ---- the UI ----

  private static String rows(WebDriver browser) {
    return String.join("\n", browser.findElements(By.cssSelector(ROW)).stream().map(WebElement::getText).toList());
  }

  private static void screenshot(WebDriver browser, String name) throws IOException {
    Path target = ROOT.resolve("e2e/target");
    Files.createDirectories(target);
    Files.write(target.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  // ---- the API ----

  private static String capture(String source, String interest, String domain) throws Exception {
    String body =
        "{\"name\":\"Test Lead\",\"email\":\"lead+" + UUID.randomUUID() + "@" + domain + "\",\"source\":\"" + source
            + "\",\"interest\":\"" + interest + "\"}";
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(api("/api/v1/leads"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer dev-ingest")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    // The web-form key learns the capture's id, not the lead's: the admin finds the lead by it.
    String captureId = JSON.readTree(created.body()).get("captureId").asString();
    HttpResponse<String> found =
        HTTP.send(
            HttpRequest.newBuilder(api("/api/v1/leads?captureId=" + captureId)).header("Authorization", "Bearer dev-admin").build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(found.body()).get("items").get(0).get("id").asString();
  }

  private static void awaitLead(String lead, String status, String rep) {
    await("lead " + lead + " " + status)
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(() -> {
          JsonNode stored = lead(lead);
          assertThat(stored.get("status").asString()).isEqualTo(status);
          JsonNode assigned = stored.path("assignedRep");
          assertThat(assigned.isString() ? assigned.asString() : null).isEqualTo(rep);
        });
  }

  private static JsonNode lead(String lead) throws Exception {
    return JSON.readTree(
        HTTP.send(
                HttpRequest.newBuilder(api("/api/v1/leads/" + lead)).header("Authorization", "Bearer dev-admin").build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private static HttpResponse<String> post(String path, String key) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(api(path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI api(String path) {
    return URI.create("http://localhost:" + apiPort + path);
  }

  private static String id(String lead) {
    return "lead-" + lead;
  }
}
