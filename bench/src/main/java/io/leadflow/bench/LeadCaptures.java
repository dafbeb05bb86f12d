package io.leadflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bench leads posted to the capture endpoint at a fixed rate (open loop). Each answer's latency
 * is measured from its due time; an accepted lead is one answered 202 with its id.
 */
final class LeadCaptures {

  private static final Pattern LEAD_ID = Pattern.compile("\"leadId\":\"([0-9a-f-]{36})\"");

  final Latencies answers = new Latencies();
  /** Accepted lead id → its due time, wall-clock milliseconds. */
  final Map<String, Long> accepted = new ConcurrentHashMap<>();
  final AtomicInteger errors = new AtomicInteger();

  private LeadCaptures() {}

  /** Posts perSecond leads a second for the duration and waits (at most a minute) for every answer. */
  static LeadCaptures post(String api, int perSecond, Duration duration) throws InterruptedException {
    LeadCaptures captures = new LeadCaptures();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    HttpClient http = HttpClient.newBuilder().executor(pool).build();
    AtomicInteger unanswered = new AtomicInteger();
    long wallAtNano = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
    OpenLoop.run(perSecond, duration, due -> {
      unanswered.incrementAndGet();
      String body = "{\"name\":\"Bench Lead\",\"email\":\"bench+" + UUID.randomUUID()
          + "@acme.test\",\"source\":\"bench\",\"interest\":\"demo request\"}";
      HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/v1/leads"))
          .header("Content-Type", "application/json")
          // The admin key: only a key that reads every lead is told the lead's id (docs/api.md).
          .header("Authorization", "Bearer dev-admin")
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
        captures.answers.recordMicros((System.nanoTime() - due) / 1000);
        Matcher id = response == null ? null : LEAD_ID.matcher(response.body());
        if (failure != null || response.statusCode() != 202 || !id.find()) {
          captures.errors.incrementAndGet();
        } else {
          captures.accepted.put(id.group(1), wallAtNano + due / 1_000_000);
        }
        unanswered.decrementAndGet();
      });
    });
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (unanswered.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    captures.errors.addAndGet(unanswered.get());
    pool.shutdown();
    return captures;
  }
}
