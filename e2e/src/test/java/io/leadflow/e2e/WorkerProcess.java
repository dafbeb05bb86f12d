package io.leadflow.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** One more worker process beside the run command's, on the same Temporal task queue. */
final class WorkerProcess implements AutoCloseable {

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();

  private WorkerProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::collectOutput, "extra-worker-output");
    reader.setDaemon(true);
    reader.start();
  }

  static WorkerProcess start(Map<String, String> environment) throws IOException {
    Path root = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder("java", "-Xmx256m", "-jar", root.resolve("worker/target/leadflow-worker.jar").toString())
            .directory(root.toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(environment);
    return new WorkerProcess(builder.start());
  }

  List<String> output() {
    return List.copyOf(output);
  }

  boolean hasPrinted(String text) {
    return output.stream().anyMatch(line -> line.contains(text));
  }

  /** {@code kill -9}: no shutdown hook, no goodbye to Temporal. */
  void kill() {
    process.destroyForcibly().onExit().join();
  }

  @Override
  public void close() {
    kill();
  }

  private void collectOutput() {
    try (var lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.add(line);
      }
    } catch (IOException ignored) {
      // the process is gone; what was read is kept
    }
  }
}
