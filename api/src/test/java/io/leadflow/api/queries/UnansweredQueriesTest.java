package io.leadflow.api.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.context.TestPropertySource;

/**
 * No worker polls, so Temporal takes every start but answers no query (each waits out its RPC
 * deadline): an open console asking for live state and ack deadlines never slows the capture
 * relay, and a scheduled job that hangs does not stop the others.
 */
@TestPropertySource(properties = "spring.temporal.start-workers=false")
class UnansweredQueriesTest extends ApiTest {

  /** A scheduled job stuck for good, as the reconciler would be behind a Temporal that never answers. */
  static final class StuckJob {

    final CountDownLatch started = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Scheduled(fixedDelay = 1000)
    void hang() throws InterruptedException {
      started.countDown();
      RELEASE.await(2, TimeUnit.MINUTES);
    }
  }

  @TestConfiguration
  static class Stuck {

    @Bean
    StuckJob stuckJob() {
      return new StuckJob();
    }
  }

  @Autowired JdbcClient jdbc;
  @Autowired LeadRepository leads;
  @Autowired StuckJob stuckJob;

  @AfterAll
  static void release() {
    StuckJob.RELEASE.countDown();
  }

  @Test
  void anOpenConsoleWhoseQueriesGoUnansweredNeverDelaysACapture() throws Exception {
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      waiting.add(capturedAndStarted());
    }
    // As the worker would have recorded them: waiting for an ack, the newest in the list.
    jdbc.sql("update lead set status = 'AWAITING_ACK', created_at = now() where id in (:ids)")
        .param("ids", waiting.stream().map(UUID::fromString).toList())
        .update();

    get("/api/v1/reports/awaiting-ack", MANAGER); // warm up, unmeasured
    get("/api/v1/leads/" + waiting.get(0), ADMIN);
    AtomicBoolean open = new AtomicBoolean(true);
    ExecutorService console = Executors.newFixedThreadPool(6);
    List<Long> leadReadMillis = new ArrayList<>();
    try {
      for (int tab = 0; tab < 6; tab++) {
        console.execute(() -> {
          while (open.get()) {
            get("/api/v1/reports/awaiting-ack", MANAGER);
            for (String leadId : waiting) {
              long start = System.nanoTime();
              get("/api/v1/leads/" + leadId, ADMIN);
              synchronized (leadReadMillis) {
                leadReadMillis.add((System.nanoTime() - start) / 1_000_000);
              }
            }
          }
        });
      }
      Thread.sleep(3_000);

      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        String leadId = captured();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> relayed(leadId));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("capture to Temporal").isLessThan(Duration.ofSeconds(2));
      }
    } finally {
      open.set(false);
      console.shutdown();
      console.awaitTermination(30, TimeUnit.SECONDS);
    }
    synchronized (leadReadMillis) {
      assertThat(leadReadMillis).as("reads of a lead, live asked for 1 s").isNotEmpty().allSatisfy(millis -> assertThat(millis).isLessThan(2_000));
    }
    assertThat(body(get("/api/v1/leads/" + waiting.get(0), ADMIN)).get("liveUnavailable").asString()).isEqualTo("NO_ANSWER");
    // The queries nobody waits for any more were cancelled: the pool answers again at once.
    String gone = storedLeadWithoutWorkflow();
    assertThat(body(get("/api/v1/leads/" + gone, ADMIN)).get("liveUnavailable").asString()).isEqualTo("WORKFLOW_NOT_FOUND");
  }

  @Test
  void aHangingScheduledJobDoesNotStopTheRelaysScan() throws Exception {
    assertThat(stuckJob.started.await(10, TimeUnit.SECONDS)).isTrue();
    String leadId = capturedAndStarted();
    // Due again, left to the scheduled scan alone (no fast path): delivered again, harmlessly.
    jdbc.sql("update capture_outbox set done_at = null, next_attempt_at = now() where lead_id = ?")
        .param(UUID.fromString(leadId))
        .update();

    await().atMost(Duration.ofSeconds(3)).until(() -> relayed(leadId));
  }

  private String storedLeadWithoutWorkflow() {
    String email = uniqueEmail();
    return leads.save(Lead.received("Old Lead", email, null, "web", "demo request", ContactKeys.of(email, null), Instant.now()))
        .id()
        .toString();
  }

  private String captured() {
    HttpResponse<String> captured = post("/api/v1/leads", INGEST, leadJson(uniqueEmail(), null));
    assertThat(captured.statusCode()).isEqualTo(202);
    return leadOf(captured);
  }

  private String capturedAndStarted() {
    String leadId = captured();
    await().atMost(Duration.ofSeconds(10)).until(() -> relayed(leadId));
    return leadId;
  }

  private boolean relayed(String leadId) {
    return jdbc.sql("select bool_and(done_at is not null) from capture_outbox where lead_id = ?")
        .param(UUID.fromString(leadId))
        .query(Boolean.class)
        .single();
  }
}
