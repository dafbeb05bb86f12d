package io.leadflow.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One more worker process beside the run command's, on the same Temporal task queue. */
final class WorkerProcess implements AutoCloseable {

  private final Process process;
  private final ProcessOutput output;

  private WorkerProcess(Process process) {
    this.process = process;
    this.output = new ProcessOutput(process, "extra-worker-output");
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
    return output.lines();
  }

  boolean hasPrinted(String text) {
    return output.contains(text);
  }

  /** {@code kill -9}: no shutdown hook, no goodbye to Temporal. */
  void kill() {
    process.destroyForcibly().onExit().join();
  }

  @Override
  public void close() {
    kill();
  }
}
