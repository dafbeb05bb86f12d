package io.leadflow.api.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.leadflow.api.ApiTest;
import io.leadflow.workflows.LeadWorkflows;
import io.leadflow.workflows.Reassignment;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Handing a lead to another rep and closing it as converted: managers and admins, through the lead's workflow. */
class ReassignAndConvertTest extends ApiTest {

  @Autowired WorkflowClient temporal;

  @Test
  void aManagerHandsALeadOfTheirTeamToAnotherRep() {
    String rep = rep(true);
    String leadId = routedLead(); // ana's, on mia's team: the fallback names her its manager

    HttpResponse<String> answer = reassign(leadId, MANAGER, rep, "covering ana's holiday");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(reassignments(leadId)).containsExactly(new Reassignment(rep, "covering ana's holiday")));
  }

  @Test
  void anAdminHandsAnyLeadToAnotherRep() {
    String rep = rep(true);
    String leadId = routedLead();

    assertThat(reassign(leadId, ADMIN, rep, "territory change").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(reassignments(leadId)).containsExactly(new Reassignment(rep, "territory change")));
  }

  @Test
  void aRepOrAnIngestKeyMayNeitherReassignNorConvertEvenTheirOwnLead() {
    String rep = rep(true);
    String leadId = routedLead();

    for (String key : List.of(ANA, INGEST)) {
      assertProblem(reassign(leadId, key, rep, "mine now"), 403);
      assertProblem(convert(leadId, key, "won"), 403);
    }
    assertThat(reassignments(leadId)).isEmpty();
    assertThat(status(leadId)).isEqualTo("AWAITING_ACK");
  }

  @Test
  void anUnknownRepIsNotFoundAndAnInactiveOneAConflictAndNeitherReachesTheWorkflow() {
    String inactive = rep(false);
    String leadId = routedLead();

    HttpResponse<String> unknown = reassign(leadId, ADMIN, "nobody-" + UUID.randomUUID(), "typo");
    HttpResponse<String> away = reassign(leadId, ADMIN, inactive, "left the company");

    assertProblem(unknown, 404);
    assertThat(body(unknown).get("title").asString()).isEqualTo("Rep not found");
    assertProblem(away, 409);
    assertThat(body(away).get("detail").asString()).contains(inactive, "inactive");
    assertThat(reassignments(leadId)).isEmpty();
  }

  @Test
  void aConvertedLeadClosesAsConvertedAndThenTakesNoMoreActions() {
    String rep = rep(true);
    String leadId = routedLead();

    assertThat(convert(leadId, ADMIN, "Salesforce: opportunity created").statusCode()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(15)).until(() -> "CONVERTED".equals(status(leadId)));
    HttpResponse<String> late = reassign(leadId, MANAGER, rep, "too late");
    assertProblem(late, 409);
    assertThat(body(late).get("leadStatus").asString()).isEqualTo("CONVERTED");
    assertProblem(convert(leadId, ADMIN, "again"), 409);
    assertThat(reassignments(leadId)).isEmpty();
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        arguments("reassign", "{\"reason\":\"no rep\"}"),
        arguments("reassign", "{\"repId\":\" \",\"reason\":\"blank rep\"}"),
        arguments("reassign", "{\"repId\":\"" + "r".repeat(65) + "\",\"reason\":\"long id\"}"),
        arguments("reassign", "{\"repId\":\"ana\"}"),
        arguments("reassign", "{\"repId\":\"ana\",\"reason\":\"" + "x".repeat(201) + "\"}"),
        arguments("reassign", "{\"repId\":\"ana\",\"reason\":\"line one\\nline two\"}"),
        arguments("reassign", "{\"repId\":\"ana\",\"reason\":\"fine\",\"force\":true}"),
        arguments("reassign", "[]"),
        arguments("convert", "{}"),
        arguments("convert", "{\"reason\":\"\"}"),
        arguments("convert", "{\"reason\":{\"stage\":\"customer\"}}"),
        arguments("convert", "{\"reason\":\"bell\\u0007\"}"),
        arguments("convert", "{\"reason\":\"" + "x".repeat(201) + "\"}"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badBodies")
  void aBadBodyIsAProblemAndReachesNoWorkflow(String action, String body) {
    String leadId = sharedLead();

    assertProblem(post("/api/v1/leads/" + leadId + "/" + action, ADMIN, body), 400);
    assertThat(status(leadId)).isEqualTo("AWAITING_ACK");
    assertThat(reassignments(leadId)).isEmpty();
  }

  private static String sharedLead;

  private String sharedLead() {
    if (sharedLead == null) {
      sharedLead = routedLead();
    }
    return sharedLead;
  }

  /** A new rep (admin API), active or not, who could take leads but gets none by routing. */
  private String rep(boolean active) {
    String id = "rr-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        call("PUT", "/api/v1/admin/reps/" + id, ADMIN, "{\"name\":\"Rita\",\"capacity\":10,\"active\":" + active + "}", Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return id;
  }

  private HttpResponse<String> reassign(String leadId, String key, String repId, String reason) {
    return post("/api/v1/leads/" + leadId + "/reassign", key, "{\"repId\":\"" + repId + "\",\"reason\":\"" + reason + "\"}");
  }

  private HttpResponse<String> convert(String leadId, String key, String reason) {
    return post("/api/v1/leads/" + leadId + "/convert", key, "{\"reason\":\"" + reason + "\"}");
  }

  private String status(String leadId) {
    return body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString();
  }

  /** The reassign signals the lead's workflow received, from its history (the handling is the workflow's). */
  private List<Reassignment> reassignments(String leadId) {
    return temporal.fetchHistory(LeadWorkflows.idFor(leadId)).getEvents().stream()
        .filter(HistoryEvent::hasWorkflowExecutionSignaledEventAttributes)
        .map(HistoryEvent::getWorkflowExecutionSignaledEventAttributes)
        .filter(signal -> signal.getSignalName().equals("reassign"))
        .map(signal -> temporal.getOptions().getDataConverter()
            .fromPayloads(0, Optional.of(signal.getInput()), Reassignment.class, Reassignment.class))
        .toList();
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}
