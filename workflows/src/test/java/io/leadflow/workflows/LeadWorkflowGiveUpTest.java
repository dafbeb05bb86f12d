package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A step that gives up (a failure no retry cures, or retries past the step's bound) never holds
 * the lead: it is recorded on the lead and in the store, and the lead's life carries on.
 */
class LeadWorkflowGiveUpTest {

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;

  @Test
  void aRepNoticeThatCannotBeStoredDoesNotKeepALaterDisqualificationFromClosingTheLead() {
    doThrow(ApplicationFailure.newNonRetryableFailure("value too long for type character varying(120)", "DataIntegrity"))
        .when(activities.outreach)
        .notifyRep(argThat(notice -> notice != null && notice.kind().startsWith("reply-")));
    LeadWorkflow workflow = temporal.start(Leads.lead("give-1"));
    temporal.sleep(Duration.ofMinutes(1));

    workflow.reply(new Reply(Channel.SMS, "call me", "m".repeat(160)));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.disqualify("student");
    temporal.sleep(Duration.ofMinutes(1));

    LeadState state = assertCompleted("give-1");
    assertThat(state.status()).isEqualTo(LeadStatus.DISQUALIFIED);
    assertThat(state.gaveUp()).singleElement().satisfies(step -> {
      assertThat(step.step()).isEqualTo("Notify ana");
      assertThat(step.reason()).contains("value too long");
    });
    verify(activities.store).recordGaveUp(eq("give-1"), argThat(step -> step.step().equals("Notify ana")));
    assertThat(stepsGaveUp("give-1")).isEqualTo(1L);
  }

  @Test
  void aTouchTheProviderKeepsRefusingGivesUpAfterItsBoundAndTheCadenceGoesOn() {
    doAnswer(call -> {
          TouchRequest request = call.getArgument(0);
          if (request.step().endsWith("-d3")) {
            throw ApplicationFailure.newFailure("Twilio could not be reached", "ProviderDown");
          }
          activities.sent.add(new FakeActivities.Sent(request, temporal.now()));
          return new Touch(request.step(), request.channel(), Touch.Outcome.SENT, "dry-run", "m", temporal.now());
        })
        .when(activities.outreach)
        .sendTouch(any());
    LeadWorkflow workflow = temporal.start(Leads.lead("give-2"));
    // Routed in the first workflow task: an update delivered with that task would find no assignee yet.
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");

    temporal.sleep(Duration.ofDays(5));

    LeadState state = temporal.current("give-2").state();
    assertThat(activities.cadenceSends()).extracting(FakeActivities.Sent::day).contains(1, 5).doesNotContain(3);
    assertThat(state.gaveUp()).extracting(StepGaveUp::step).containsExactly("Day 3 · EMAIL");
    assertThat(state.status()).isEqualTo(LeadStatus.IN_CADENCE);
  }

  @Test
  void routingThatGivesUpIsTriedAgainAfterAPauseAndTheLeadIsWorked() {
    when(activities.routing.route(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("territory row unreadable", "BadConfiguration"))
        .thenReturn(Leads.TEAM);
    temporal.start(Leads.lead("give-3"));

    temporal.sleep(Duration.ofMinutes(20));

    LeadState state = temporal.current("give-3").state();
    assertThat(state.assignedRep()).isEqualTo("ana");
    assertThat(state.gaveUp()).extracting(StepGaveUp::step).containsExactly("Route");
    assertThat(activities.notices).extracting(RepNotice::repId).contains("ana");
  }

  @Test
  void aLeadClosedWhileRoutingKeepsGivingUpCloses() {
    when(activities.routing.route(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("territory row unreadable", "BadConfiguration"));
    LeadWorkflow workflow = temporal.start(Leads.lead("give-4"));
    temporal.sleep(Duration.ofMinutes(5));

    workflow.meetingBooked(MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(2)));
    temporal.sleep(Duration.ofDays(3));

    assertThat(assertCompleted("give-4").status()).isEqualTo(LeadStatus.MEETING_BOOKED);
    assertThat(activities.sent).isEmpty();
  }

  @Test
  void aLeadWhoseFirstScoreGaveUpIsWorkedAsWarmByARep() {
    when(activities.scoring.score(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("rule book unreadable", "BadConfiguration"));
    temporal.start(Leads.lead("give-5"));
    temporal.sleep(Duration.ofMinutes(1));

    LeadState state = temporal.current("give-5").state();
    assertThat(state.score().tier()).isEqualTo(Tier.WARM);
    assertThat(state.assignedRep()).isEqualTo("ana");
    assertThat(state.gaveUp()).extracting(StepGaveUp::step).containsExactly("Score");
    assertThat(activities.sent).isNotEmpty();
  }

  private LeadState assertCompleted(String leadId) {
    assertThat(temporal.untyped(leadId).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    return temporal.untyped(leadId).query("state", LeadState.class);
  }

  private Long stepsGaveUp(String leadId) {
    return temporal.untyped(leadId).describe().getTypedSearchAttributes().get(LeadSearchAttributes.STEPS_GAVE_UP);
  }
}
