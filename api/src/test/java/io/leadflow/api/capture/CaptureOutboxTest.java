package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.leadflow.api.ApiTest;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The outbox cannot jam: a capture Temporal keeps refusing is dead-lettered after its attempts,
 * shown to operators and replayed by an admin; an unreachable Temporal uses no attempts; an old
 * capture degrades health without taking it down.
 */
@TestPropertySource(properties = "leadflow.capture.outbox.max-attempts=3")
class CaptureOutboxTest extends ApiTest {

  /** Temporal answering every start (and signal-with-start) with the given status, while set. */
  static final class TemporalRefusals extends WorkflowClientInterceptorBase {

    final AtomicReference<Status.Code> refusing = new AtomicReference<>();

    @Override
    public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
      return new WorkflowClientCallsInterceptorBase(next) {
        @Override
        public WorkflowStartOutput start(WorkflowStartInput input) {
          refuse();
          return super.start(input);
        }

        @Override
        public WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
          refuse();
          return super.signalWithStart(input);
        }
      };
    }

    private void refuse() {
      Status.Code code = refusing.get();
      if (code != null) {
        throw new StatusRuntimeException(Status.fromCode(code).withDescription("refused by the test"));
      }
    }
  }

  @TestConfiguration
  static class Refusals {

    @Bean
    TemporalRefusals temporalRefusals() {
      return new TemporalRefusals();
    }
  }

  @Autowired TemporalRefusals temporal;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void temporalAnswersAgain() {
    temporal.refusing.set(null);
  }

  @Test
  void aCaptureTemporalKeepsRefusingIsDeadLetteredShownToOperatorsAndReplayedByAnAdmin() {
    temporal.refusing.set(Status.Code.INVALID_ARGUMENT);
    String leadId = capture();
    long entryId = outboxEntryOf(leadId);

    await().atMost(Duration.ofSeconds(20)).until(() -> entry(entryId).deadAt() != null);
    assertThat(entry(entryId).attempts()).isEqualTo(3);
    assertThat(entry(entryId).lastError()).contains("refused by the test");

    HttpResponse<String> health = get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(body(health).get("status").asString()).isEqualTo("DEGRADED");
    JsonNode outbox = body(health).get("components").get("captureOutbox");
    assertThat(outbox.get("status").asString()).isEqualTo("DEGRADED");
    assertThat(outbox.get("details").get("deadLetters").asLong()).isPositive();
    assertThat(deadGauge()).isPositive();

    JsonNode listed = deadLetter(entryId);
    assertThat(listed).isNotNull();
    assertThat(listed.get("leadId").asString()).isEqualTo(leadId);
    assertThat(listed.get("attempts").asInt()).isEqualTo(3);
    assertThat(listed.get("lastError").asString()).contains("refused by the test");
    assertThat(get("/api/v1/admin/outbox/dead-letters", MANAGER).statusCode()).isEqualTo(403);
    assertThat(post("/api/v1/admin/outbox/" + entryId + "/replay", MANAGER, null).statusCode()).isEqualTo(403);

    temporal.refusing.set(null);
    assertThat(post("/api/v1/admin/outbox/" + entryId + "/replay", ADMIN, null).statusCode()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(15)).until(() -> "AWAITING_ACK".equals(status(leadId)));
    assertThat(entry(entryId).doneAt()).isNotNull();
    assertThat(deadLetter(entryId)).isNull();
    HttpResponse<String> again = post("/api/v1/admin/outbox/" + entryId + "/replay", ADMIN, null);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> unknown = post("/api/v1/admin/outbox/" + Long.MAX_VALUE + "/replay", ADMIN, null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void anUnreachableTemporalUsesNoAttemptsAndTheCaptureGoesThroughWhenItIsBack() {
    temporal.refusing.set(Status.Code.UNAVAILABLE);
    String leadId = capture();
    long entryId = outboxEntryOf(leadId);

    // three counted failures would take about 3 s (1 s, then 2 s apart)
    await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() -> entry(entryId).deadAt() == null);
    assertThat(entry(entryId).attempts()).isZero();
    assertThat(entry(entryId).lastError()).contains("refused by the test");

    temporal.refusing.set(null);
    await().atMost(Duration.ofSeconds(15)).until(() -> "AWAITING_ACK".equals(status(leadId)));
    assertThat(entry(entryId).doneAt()).isNotNull();
  }

  @Test
  void oneCaptureWaitingOverFiveMinutesDegradesHealthButDoesNotTakeItDown() {
    String leadId = capture();
    await().atMost(Duration.ofSeconds(15)).until(() -> entry(outboxEntryOf(leadId)).doneAt() != null);
    long waiting =
        jdbc.sql(
                """
                insert into capture_outbox (lead_id, capture_id, joined, next_attempt_at, created_at)
                select lead_id, capture_id, false, now() + interval '3 seconds', now() - interval '6 minutes'
                from capture_outbox where lead_id = ? returning id
                """)
            .param(UUID.fromString(leadId))
            .query(Long.class)
            .single();

    HttpResponse<String> health = get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(body(health).get("status").asString()).isEqualTo("DEGRADED");
    JsonNode outbox = body(health).get("components").get("captureOutbox");
    assertThat(outbox.get("status").asString()).isEqualTo("DEGRADED");
    assertThat(outbox.get("details").get("oldestAgeSeconds").asLong()).isGreaterThanOrEqualTo(360);

    await().atMost(Duration.ofSeconds(15)).until(() -> entry(waiting).doneAt() != null);
    assertThat(body(get("/actuator/health", null)).get("components").get("captureOutbox").get("details").get("oldestAgeSeconds").asLong())
        .isLessThan(300);
  }

  private String capture() {
    HttpResponse<String> captured = post("/api/v1/leads", INGEST, leadJson(uniqueEmail(), null));
    assertThat(captured.statusCode()).isEqualTo(202);
    return leadOf(captured);
  }

  private long outboxEntryOf(String leadId) {
    return jdbc.sql("select min(id) from capture_outbox where lead_id = ?").param(UUID.fromString(leadId)).query(Long.class).single();
  }

  private OutboxEntry entry(long id) {
    return jdbc.sql("select * from capture_outbox where id = ?").param(id).query(OutboxEntry.class).single();
  }

  private JsonNode deadLetter(long entryId) {
    for (JsonNode listed : body(get("/api/v1/admin/outbox/dead-letters?limit=200", ADMIN))) {
      if (listed.get("id").asLong() == entryId) {
        return listed;
      }
    }
    return null;
  }

  private long deadGauge() {
    return get("/actuator/prometheus", ADMIN).body().lines()
        .filter(line -> line.startsWith("leadflow_capture_outbox_dead "))
        .map(line -> (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }

  private String status(String leadId) {
    return body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString();
  }
}
