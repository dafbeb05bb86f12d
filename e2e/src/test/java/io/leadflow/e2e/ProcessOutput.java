package io.leadflow.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every line a started process prints, kept as it comes so a test can wait for one. */
final class ProcessOutput {

  private final List<String> lines = new CopyOnWriteArrayList<>();

  ProcessOutput(Process process, String name) {
    Thread reader = new Thread(() -> collect(process), name);
    reader.setDaemon(true);
    reader.start();
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  boolean contains(String text) {
    return lines.stream().anyMatch(line -> line.contains(text));
  }

  private void collect(Process process) {
    try (var reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (IOException ignored) {
      // the process is gone; what was read is kept
    }
  }
}
