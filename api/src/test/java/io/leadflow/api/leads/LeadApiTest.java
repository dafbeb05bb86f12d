package io.leadflow.api.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.CaptureRecord;
import io.leadflow.activities.store.CaptureRepository;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.api.ApiTest;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.LeadState;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class LeadApiTest extends ApiTest {

  @Autowired LeadRepository leads;
  @Autowired CaptureRepository captures;
  @Autowired WorkflowClient temporal;
  @Autowired Suppressions suppressions;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void aCapturedLeadIsStoredRoutedAndGetsAnInstantReplyThroughTheDryRunSender() {
    HttpResponse<String> created = post("/api/v1/leads", ADMIN, leadJson(uniqueEmail(), uniquePhone()));

    assertThat(created.statusCode()).isEqualTo(202);
    JsonNode answer = body(created);
    String leadId = answer.get("leadId").asString();
    assertThat(answer.get("workflowId").asString()).isEqualTo("lead-" + leadId);
    assertThat(answer.get("joinedExisting").asBoolean()).isFalse();
    assertThat(answer.get("captureId").asString()).isNotBlank();
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo("/api/v1/leads/" + leadId);

    JsonNode lead =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> body(get(location, ANA)),
                l -> l.has("touches") && l.get("touches").size() == 1
                    && l.get("live").isObject() && !l.get("live").get("ackDeadline").isNull());
    assertThat(lead.get("status").asString()).isEqualTo("AWAITING_ACK");
    assertThat(lead.get("phone").asString()).startsWith("+1646");
    assertThat(lead.get("tier").asString()).isEqualTo("HOT");
    assertThat(lead.get("scoreBreakdown").get(0).asString()).isEqualTo("+30 demo request");
    assertThat(lead.get("assignedRep").asString()).isEqualTo("ana");
    assertThat(lead.get("live").get("ackDeadline").asString()).isNotBlank();
    assertThat(lead.get("live").get("escalations")).isEmpty();
    JsonNode touch = lead.get("touches").get(0);
    assertThat(touch.get("channel").asString()).isEqualTo("EMAIL");
    assertThat(touch.get("provider").asString()).isEqualTo("dry-run");
    assertThat(touch.get("outcome").asString()).isEqualTo("SENT");
  }

  @Test
  void aLoggedReplyOrFullOptOutIsStoredBeforeTheWorkflowHearsOfIt() {
    Instant before = Instant.now().minusSeconds(1);
    String replied = routedLead();
    String optedOutOfSms = routedLead();
    String optedOut = routedLead();

    assertThat(post("/api/v1/leads/" + replied + "/replies", ANA, "{\"channel\":\"SMS\",\"body\":\"Call me\"}").statusCode())
        .isEqualTo(202);
    assertThat(post("/api/v1/leads/" + optedOutOfSms + "/opt-out", ANA, "{\"channel\":\"SMS\"}").statusCode()).isEqualTo(202);
    assertThat(post("/api/v1/leads/" + optedOut + "/opt-out", ANA, "{}").statusCode()).isEqualTo(202);

    // Sends planned before this moment and retried later are skipped (OutreachActivitiesImpl).
    assertThat(leads.stoppedSince(UUID.fromString(replied), before)).isTrue();
    assertThat(leads.stoppedSince(UUID.fromString(optedOut), before)).isTrue();
    assertThat(leads.stoppedSince(UUID.fromString(optedOutOfSms), before)).isFalse();
  }

  @Test
  void aReplyWithALongMessageIdDoesNotKeepALaterDisqualificationFromClosingTheLead() {
    String leadId = routedLead();

    String reply = "{\"channel\":\"SMS\",\"body\":\"Call me\",\"messageId\":\"" + "m".repeat(200) + "\"}";
    assertThat(post("/api/v1/leads/" + leadId + "/replies", ANA, reply).statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(15))
        .until(() -> "ENGAGED".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    assertThat(post("/api/v1/leads/" + leadId + "/disqualify", ANA, "{\"reason\":\"student\"}").statusCode()).isEqualTo(202);

    JsonNode lead = await().atMost(Duration.ofSeconds(15))
        .until(() -> body(get("/api/v1/leads/" + leadId, ADMIN)), l -> "DISQUALIFIED".equals(l.get("status").asString()));
    assertThat(lead.get("stepsGaveUp")).isEmpty();
  }

  @Test
  void anOptOutIsKeptForThePersonBeforeThe202EvenOnAClosedLead() {
    String email = uniqueEmail();
    String phone = uniquePhone();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(email, phone)));
    await().atMost(Duration.ofSeconds(15))
        .until(() -> "AWAITING_ACK".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    assertThat(post("/api/v1/leads/" + leadId + "/opt-out", ANA, "{\"channel\":\"SMS\"}").statusCode()).isEqualTo(202);
    ContactKeys keys = ContactKeys.of(email, phone);
    assertThat(suppressions.blocks(keys.phone(), Channel.SMS)).isTrue();
    assertThat(suppressions.blocks(keys.email(), Channel.EMAIL)).isFalse();

    assertThat(post("/api/v1/leads/" + leadId + "/meeting", ANA, "{\"at\":\"2030-01-01T10:00:00Z\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(15))
        .until(() -> "MEETING_BOOKED".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    assertThat(post("/api/v1/leads/" + leadId + "/opt-out", ANA, "{}").statusCode()).isEqualTo(202);

    assertThat(suppressions.blocks(keys.email(), Channel.EMAIL)).isTrue();
    assertThat(suppressions.blocks(keys.phone(), Channel.CALL)).isTrue();
  }

  /** A booking tool other than Calendly, or the rep, reports the cancellation: the lead is back with its rep. */
  @Test
  void aMeetingCancelledThroughTheApiBeforeItStartsBringsTheLeadBackToFollowUp() {
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(uniqueEmail(), null)));
    await().atMost(Duration.ofSeconds(15))
        .until(() -> "AWAITING_ACK".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    assertThat(post("/api/v1/leads/" + leadId + "/meeting/cancel", ANA, "{\"at\":\"2030-01-01T10:00:00Z\"}").statusCode())
        .as("nothing booked yet")
        .isEqualTo(409);

    assertThat(post("/api/v1/leads/" + leadId + "/meeting", ANA, "{\"at\":\"2030-01-01T10:00:00Z\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(15))
        .until(() -> "MEETING_BOOKED".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    assertThat(post("/api/v1/leads/" + leadId + "/meeting/cancel", ANA, "{\"at\":\"2030-01-01T10:00:00Z\"}").statusCode())
        .isEqualTo(202);

    JsonNode lead = await().atMost(Duration.ofSeconds(15))
        .until(() -> body(get("/api/v1/leads/" + leadId, ADMIN)), l -> "ENGAGED".equals(l.get("status").asString()));
    assertThat(lead.get("live").get("notes").toString()).contains("cancelled before it started");
  }

  @Test
  void anIngestKeyGetsTheSameAnswerForANewAndAKnownPersonAndNeverTheirLeadsId() {
    String email = uniqueEmail();

    HttpResponse<String> asNew = post("/api/v1/leads", INGEST, leadJson(email, null));
    HttpResponse<String> asKnown = post("/api/v1/leads", INGEST, leadJson(email, null));

    String leadId = leadOf(asNew);
    for (HttpResponse<String> answer : List.of(asNew, asKnown)) {
      assertThat(answer.statusCode()).isEqualTo(202);
      assertThat(answer.headers().firstValue("Location")).isEmpty();
      assertThat(body(answer).propertyNames()).containsExactly("captureId");
      assertThat(answer.body()).doesNotContain(leadId);
    }
    assertThat(leadOf(asKnown)).isEqualTo(leadId);
    assertThat(body(get("/api/v1/leads/" + leadId, ADMIN)).get("captures").findValuesAsString("captureId"))
        .containsExactly(body(asNew).get("captureId").asString(), body(asKnown).get("captureId").asString());
    HttpResponse<String> adminAgain = post("/api/v1/leads", ADMIN, leadJson(email, null));
    assertThat(adminAgain.statusCode()).isEqualTo(200);
    assertThat(body(adminAgain).get("leadId").asString()).isEqualTo(leadId);
    assertThat(body(adminAgain).get("joinedExisting").asBoolean()).isTrue();
  }

  @Test
  void aRepeatThatBringsAPhoneAddsItSoACaptureByThatPhoneFindsTheSameLead() {
    String email = uniqueEmail();
    String phone = uniquePhone();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(email, null)));

    HttpResponse<String> withPhone = post("/api/v1/leads", INGEST, leadJson(email, phone));
    HttpResponse<String> byPhone = post("/api/v1/leads", INGEST, leadJson(null, phone));

    assertThat(leadOf(withPhone)).isEqualTo(leadId);
    assertThat(leadOf(byPhone)).isEqualTo(leadId);
    assertThat(captures.findByLeadIdOrderByIdAsc(UUID.fromString(leadId))).extracting(CaptureRecord::joined)
        .containsExactly(false, true, true);
    assertThat(body(get("/api/v1/leads/" + leadId, ADMIN)).get("phone").asString()).startsWith("+1646");
  }

  @Test
  void aClosedLeadCapturedAgainGetsItsOwnInstantReplyAndRepAlertInANewRound() {
    String email = uniqueEmail();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(email, null)));
    await().atMost(Duration.ofSeconds(15))
        .until(() -> "AWAITING_ACK".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    assertThat(post("/api/v1/leads/" + leadId + "/disqualify", ANA, "{\"reason\":\"not now\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(15))
        .until(() -> temporal.newUntypedWorkflowStub(LeadWorkflows.idFor(leadId)).describe().getStatus()
            == io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);

    assertThat(leadOf(post("/api/v1/leads", INGEST, leadJson(email, null)))).isEqualTo(leadId);

    JsonNode lead = await().atMost(Duration.ofSeconds(15))
        .until(() -> body(get("/api/v1/leads/" + leadId, ADMIN)),
            l -> l.get("touches").size() == 2 && !List.of("RESERVED", "SENDING").contains(l.get("touches").get(1).get("outcome").asString()));
    assertThat(lead.get("touches").get(1).get("step").asString()).isEqualTo("r2-instant");
    assertThat(lead.get("touches").get(1).get("outcome").asString()).isEqualTo("SENT");
    await().atMost(Duration.ofSeconds(15)).until(() -> noticeKinds(leadId).stream().anyMatch(k -> k.endsWith("-2")));
  }

  private List<String> noticeKinds(String leadId) {
    return jdbc.sql("select kind from rep_notice where lead_id = ?").param(UUID.fromString(leadId)).query(String.class).list();
  }

  @Test
  void theSamePersonCapturedAgainJoinsTheirLeadAsAnEngagementInsteadOfASecondWorkflow() {
    String email = uniqueEmail();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(email, null)));

    HttpResponse<String> again =
        post(
            "/api/v1/leads",
            INGEST,
            "{\"name\":\"Sarah K.\",\"email\":\"" + email.toUpperCase()
                + "\",\"source\":\"ads\",\"interest\":\"pricing\",\"utmSource\":\"google\",\"utmCampaign\":\"q4-demo\"}");

    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(leadOf(again)).isEqualTo(leadId);
    assertThat(captures.findByLeadIdOrderByIdAsc(UUID.fromString(leadId)))
        .extracting(CaptureRecord::source, CaptureRecord::joined)
        .containsExactly(tuple("web", false), tuple("ads", true));
    JsonNode attribution = body(get("/api/v1/leads/" + leadId, ADMIN)).get("captures").get(1).get("utm");
    assertThat(attribution.get("source").asString()).isEqualTo("google");
    assertThat(attribution.get("campaign").asString()).isEqualTo("q4-demo");
    LeadWorkflow workflow = temporal.newWorkflowStub(LeadWorkflow.class, LeadWorkflows.idFor(leadId));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(workflow.state().engagements()).extracting(e -> e.type()).containsExactly("form-fill"));
  }

  @Test
  void fiftyConcurrentIdenticalCapturesMakeOneLeadAndOneWorkflow() throws Exception {
    String body = leadJson(uniqueEmail(), null);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Callable<HttpResponse<String>>> calls = Collections.nCopies(50, () -> post("/api/v1/leads", INGEST, body));
    List<Future<HttpResponse<String>>> answers = pool.invokeAll(calls);
    pool.shutdown();

    Set<String> leadIds = new HashSet<>();
    Set<String> captureIds = new HashSet<>();
    for (Future<HttpResponse<String>> answer : answers) {
      assertThat(answer.get().statusCode()).isEqualTo(202); // INGEST: the same answer for the first and the rest
      captureIds.add(body(answer.get()).get("captureId").asString());
      leadIds.add(leadOf(answer.get()));
    }
    assertThat(leadIds).hasSize(1);
    assertThat(captureIds).hasSize(50);
    String leadId = leadIds.iterator().next();
    assertThat(captures.findByLeadIdOrderByIdAsc(UUID.fromString(leadId))).hasSize(50)
        .filteredOn(CaptureRecord::coalesced).hasSize(46); // repeats past 3 a day are counted, not signalled
    LeadWorkflow workflow = temporal.newWorkflowStub(LeadWorkflow.class, LeadWorkflows.idFor(leadId));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(workflow.state().engagements()).hasSize(3));
    LeadState state = workflow.state();
    assertThat(state.leadId()).isEqualTo(leadId);
    assertThat(
            temporal.fetchHistory(LeadWorkflows.idFor(leadId)).getEvents().stream()
                .filter(e -> e.hasWorkflowExecutionStartedEventAttributes())
                .count())
        .isEqualTo(1);
  }
}
