package io.leadflow.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The README's run command ({@code run-local.sh}), started as a newcomer would, with its output kept. */
final class LocalStack implements AutoCloseable {

  private final Process process;
  private final ProcessOutput output;

  private LocalStack(Process process) {
    this.process = process;
    this.output = new ProcessOutput(process, "local-stack-output");
  }

  static LocalStack start(Map<String, String> environment) throws IOException {
    Path root = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder("bash", root.resolve("run-local.sh").toString(), "--no-build")
            .directory(root.toFile())
            .redirectErrorStream(true);
    builder.environment().remove("TEMPORAL_ADDRESS");
    // Never the checkout's own Temporal data or the default ports a developer's stack may hold.
    builder.environment().put("LEADFLOW_TEMPORAL_UI_PORT", Integer.toString(freePort()));
    builder.environment().put("LEADFLOW_TEMPORAL_DB", Files.createTempDirectory("leadflow-e2e-temporal").resolve("temporal.db").toString());
    builder.environment().putAll(environment);
    return new LocalStack(builder.start());
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  List<String> output() {
    return output.lines();
  }

  boolean hasPrinted(String text) {
    return output.contains(text);
  }

  Process process() {
    return process;
  }

  /** Ctrl-C, as a person at the terminal would press it. */
  void interrupt() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  boolean waitForExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().onExit().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
