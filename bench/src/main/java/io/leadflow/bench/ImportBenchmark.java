package io.leadflow.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.BufferedWriter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list import of {@code rows} generated rows (default 100,000) against a running API: the CSV is
 * written to a temporary file and streamed up; the upload time (rows stored in PostgreSQL before
 * the 202), then the capture time until the import is DONE; while it runs, the API's heap in use is
 * sampled every 500 ms from /actuator/prometheus. 1 % of the rows have an invalid email (rejected)
 * and 1 % repeat an earlier row's person (joined). bench/imports.sh starts a private API for it.
 * {@code BENCH_IMPORT_MAX_SECONDS} (default: none) stops waiting for DONE after that long and
 * reports the rows captured so far, so a slow machine still gives a figure.
 * Usage: bench/imports.sh [rows]
 */
public final class ImportBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String api = CaptureBenchmark.env("BENCH_API", "http://localhost:8080");
    HttpClient http = HttpClient.newHttpClient();
    Path csv = Files.createTempFile("leadflow-import-", ".csv");
    try {
      generate(csv, rows);
      System.out.printf("%,d rows, %.1f MB CSV; API %s%n", rows, Files.size(csv) / 1e6, api);
      String query = "source=bench-import&" + List.of(
              "column=Name:name", "column=Email:email", "column=Phone:phone", "column=Company:company",
              "column=Title:title", "column=Badge:attributes.badge", "default=interest:Badge scan at Bench Expo")
          .stream().map(p -> p.substring(0, p.indexOf('=') + 1) + URLEncoder.encode(p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      HeapSampler heap = new HeapSampler(http, api);
      heap.start();
      long start = System.nanoTime();
      HttpResponse<String> uploaded = http.send(
          HttpRequest.newBuilder(URI.create(api + "/api/v1/admin/imports?" + query))
              .header("Authorization", "Bearer dev-admin")
              .header("Content-Type", "text/csv")
              .POST(HttpRequest.BodyPublishers.ofFile(csv))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      double uploadSeconds = (System.nanoTime() - start) / 1e9;
      if (uploaded.statusCode() != 202) {
        throw new IllegalStateException("upload answered " + uploaded.statusCode() + ": " + uploaded.body());
      }
      String id = JSON.readTree(uploaded.body()).get("id").asString();
      long uploadPeak = heap.peakUsed;
      System.out.printf("uploaded in %.1f s (%,.0f rows/s), API heap used peak %.0f MiB so far%n",
          uploadSeconds, rows / uploadSeconds, uploadPeak / 1048576.0);
      long maxSeconds = Long.parseLong(CaptureBenchmark.env("BENCH_IMPORT_MAX_SECONDS", "0"));
      JsonNode view;
      long lastReport = System.nanoTime();
      do {
        Thread.sleep(1_000);
        view = JSON.readTree(http.send(
                HttpRequest.newBuilder(URI.create(api + "/api/v1/admin/imports/" + id)).header("Authorization", "Bearer dev-admin").build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
        if (System.nanoTime() - lastReport > 60e9) {
          lastReport = System.nanoTime();
          System.out.printf("%.0f s: %,d of %,d captured%n", (lastReport - start) / 1e9, view.get("processed").asLong(), rows);
        }
      } while (!"DONE".equals(view.get("state").asString())
          && (maxSeconds == 0 || (System.nanoTime() - start) / 1e9 - uploadSeconds < maxSeconds));
      double totalSeconds = (System.nanoTime() - start) / 1e9;
      heap.interrupt();
      heap.join();
      double captureSeconds = totalSeconds - uploadSeconds;
      long processed = view.get("processed").asLong();
      System.out.println("| rows | upload (stored, 202) | captured after the upload | created / joined / rejected | API heap used, peak of samples (upload / whole run) | API max heap |");
      System.out.println("| --- | --- | --- | --- | --- | --- |");
      System.out.printf("| %,d | %.1f s, %,.0f rows/s | %,d%s in %.0f s, %,.1f rows/s | %,d / %,d / %,d | %.0f / %.0f MiB | %.0f MiB |%n",
          rows, uploadSeconds, rows / uploadSeconds, processed, processed == rows ? " (DONE)" : " of " + String.format("%,d", rows) + " (stopped)",
          captureSeconds, processed / captureSeconds,
          view.get("created").asLong(), view.get("joined").asLong(), view.get("rejected").asLong(),
          uploadPeak / 1048576.0, heap.peakUsed / 1048576.0, heap.max / 1048576.0);
    } finally {
      Files.deleteIfExists(csv);
    }
    System.exit(0);
  }

  /** Every 100th row an invalid email, every 100th (offset 50) the person of the row before. */
  private static void generate(Path csv, int rows) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    try (BufferedWriter out = Files.newBufferedWriter(csv)) {
      out.write("Name,Email,Phone,Company,Title,Badge\n");
      for (int i = 1; i <= rows; i++) {
        int person = i % 100 == 50 ? i - 1 : i;
        String email = i % 100 == 0 ? "not-an-email-" + i : "visitor" + person + "-" + run + "@expo" + (person % 500) + ".test";
        String phone = String.format("+1 646 %03d %04d", 200 + person / 10_000, person % 10_000);
        out.write("Visitor " + person + "," + email + "," + phone + ",\"Company " + (person % 500) + ", Inc.\",Engineer,B-" + i + "\n");
      }
    }
  }

  /** The API's heap in use (jvm_memory_used_bytes, area heap, summed over pools), its peak over the samples. */
  private static final class HeapSampler extends Thread {

    private final HttpClient http;
    private final String api;
    volatile long peakUsed;
    volatile long max;

    HeapSampler(HttpClient http, String api) {
      this.http = http;
      this.api = api;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        while (!isInterrupted()) {
          String metrics = http.send(
                  HttpRequest.newBuilder(URI.create(api + "/actuator/prometheus")).header("Authorization", "Bearer dev-manager").build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
          peakUsed = Math.max(peakUsed, sum(metrics, "jvm_memory_used_bytes{area=\"heap\""));
          max = Math.max(max, sum(metrics, "jvm_memory_max_bytes{area=\"heap\""));
          Thread.sleep(500);
        }
      } catch (InterruptedException done) {
        // the import is DONE
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private static long sum(String metrics, String prefix) {
      return (long) metrics.lines().filter(l -> l.startsWith(prefix))
          .mapToDouble(l -> Math.max(0, Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))).sum();
    }
  }
}
