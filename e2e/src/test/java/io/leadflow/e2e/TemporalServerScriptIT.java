package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the run command's Temporal step answers when it cannot start as asked: one line saying what
 * to do, never a stack trace, never a silent fallback.
 */
class TemporalServerScriptIT {

  private static final Path ROOT = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath();

  @TempDir Path temp;

  /** Installs the CLI now if this machine has none yet, so its one-time notice is not in the answers below. */
  @BeforeAll
  static void cliInstalled() throws Exception {
    Process cli = new ProcessBuilder("bash", ROOT.resolve("scripts/temporal-cli.sh").toString()).inheritIO().start();
    assertThat(cli.waitFor(10, TimeUnit.MINUTES)).isTrue();
  }

  @Test
  void aTakenPortNamesThePortAndTheSettingToChange() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result result = run(Map.of("LEADFLOW_TEMPORAL_PORT", Integer.toString(taken.getLocalPort())));

      assertThat(result.exitCode).isEqualTo(1);
      assertThat(result.oneLine()).contains("Port " + taken.getLocalPort()).contains("LEADFLOW_TEMPORAL_PORT");
    }
  }

  @Test
  void aDamagedDataFileSaysSoAndHowToRecover() throws Exception {
    Path db = temp.resolve("temporal.db");
    Files.write(db, "this is not an SQLite database, it was cut short by a full disk".repeat(100).getBytes(StandardCharsets.UTF_8));

    Result result = run(Map.of("LEADFLOW_TEMPORAL_DB", db.toString()));

    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.oneLine()).contains(db.toString()).contains("damaged").contains("backup");
  }

  @Test
  void aDataFileInUseByAnotherServerIsNotShared() throws Exception {
    Path db = temp.resolve("temporal.db");
    // Another server holds the file's lock the way the script takes it (flock).
    Process other = new ProcessBuilder("flock", db + ".lock", "sleep", "60").start();
    try {
      Thread.sleep(300);
      Result result = run(Map.of("LEADFLOW_TEMPORAL_DB", db.toString()));

      assertThat(result.exitCode).isEqualTo(1);
      assertThat(result.oneLine()).contains(db.toString()).contains("in use by another Temporal server");
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void withoutAnyWayToGetTheCliItWarnsOnceAndRunsTheEmbeddedService() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("LEADFLOW_TOOLS_DIR", temp.resolve("tools").toString());
    env.put("PIP_INDEX_URL", "http://127.0.0.1:9/simple");
    env.put("PIP_RETRIES", "0");
    env.put("PIP_NO_CACHE_DIR", "1");
    env.put("GOPROXY", "http://127.0.0.1:9");
    env.put("GOMODCACHE", temp.resolve("gomod").toString());
    env.put("GOFLAGS", "-modcacherw");
    Path ready = temp.resolve("ready");
    env.put("LEADFLOW_TEMPORAL_READY_FILE", ready.toString());

    Process script = start(env);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!(Files.exists(ready) && Files.size(ready) > 0) && script.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(Files.readString(ready).strip()).isEqualTo("embedded");
    } finally {
      script.descendants().forEach(ProcessHandle::destroyForcibly);
      script.destroyForcibly().waitFor();
    }
    List<String> lines = Files.readAllLines(temp.resolve("output.txt"));
    assertThat(lines.stream().filter(line -> line.startsWith("WARNING"))).singleElement().asString()
        .contains("Temporal CLI").contains("lost").contains("no Temporal Web UI");
    assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
  }

  private record Result(int exitCode, List<String> lines) {

    String oneLine() {
      assertThat(lines).as("the script's output").hasSize(1);
      return lines.get(0);
    }
  }

  private Result run(Map<String, String> environment) throws Exception {
    Map<String, String> env = new HashMap<>(environment);
    env.putIfAbsent("LEADFLOW_TEMPORAL_DB", temp.resolve("unused.db").toString());
    Process script = start(env);
    assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> lines = Files.readAllLines(temp.resolve("output.txt")).stream().filter(line -> !line.isBlank()).toList();
    return new Result(script.exitValue(), lines);
  }

  private Process start(Map<String, String> environment) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", ROOT.resolve("scripts/temporal-server.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("output.txt").toFile());
    builder.environment().put("LEADFLOW_TEMPORAL_PORT", Integer.toString(LocalStack.freePort()));
    builder.environment().put("LEADFLOW_TEMPORAL_UI_PORT", Integer.toString(LocalStack.freePort()));
    builder.environment().putAll(environment);
    return builder.start();
  }
}
