package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A booked meeting stops the cadence and tells the rep; until it starts the lead can cancel it,
 * which hands the lead back to its rep to rebook. Someone outside (the CRM) can give the lead to
 * another rep, or take it over.
 */
class LeadWorkflowMeetingTest {

  private static final Instant THURSDAY_10AM = MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(3));

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;

  @Test
  void aBookedMeetingStopsTheCadenceTellsTheRepAndTheLeadClosesWhenTheMeetingStarts() {
    LeadWorkflow workflow = acknowledgedLead("meet-1");
    temporal.sleep(Duration.ofDays(1));
    int sentBefore = activities.sent.size();

    workflow.meetingBooked(THURSDAY_10AM);
    temporal.sleep(Duration.ofMinutes(1));
    assertThat(workflow.state().status()).isEqualTo(LeadStatus.MEETING_BOOKED);
    assertThat(workflow.state().meetingAt()).isEqualTo(THURSDAY_10AM);
    assertThat(activities.notices)
        .filteredOn(notice -> notice.kind().startsWith("meeting-"))
        .singleElement()
        .satisfies(notice -> {
          assertThat(notice.repId()).isEqualTo("ana");
          assertThat(notice.message()).contains("Meeting booked for " + THURSDAY_10AM);
        });
    assertThat(statusOf("meet-1")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    temporal.sleep(Duration.ofDays(3));
    assertThat(statusOf("meet-1")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    assertThat(activities.sent).hasSize(sentBefore);
  }

  @Test
  void aMeetingCancelledBeforeItStartsBringsTheLeadBackToItsRepThenToNurture() {
    LeadWorkflow workflow = acknowledgedLead("meet-2");
    workflow.meetingBooked(THURSDAY_10AM);
    temporal.sleep(Duration.ofHours(2));
    int sentBefore = activities.sent.size();

    workflow.meetingCanceled(THURSDAY_10AM);
    temporal.sleep(Duration.ofMinutes(1));
    LeadState state = workflow.state();
    assertThat(state.status()).isEqualTo(LeadStatus.ENGAGED);
    assertThat(state.closedReason()).isNull();
    assertThat(state.notes()).anyMatch(note -> note.contains("cancelled before it started"));
    assertThat(activities.notices)
        .filteredOn(notice -> notice.kind().startsWith("meeting-cancelled-"))
        .singleElement()
        .satisfies(notice -> assertThat(notice.repId()).isEqualTo("ana"));

    temporal.sleep(Leads.PLAYBOOK.engagedFollowUp().plusHours(1));
    assertThat(temporal.current("meet-2").state().status()).isEqualTo(LeadStatus.NURTURE);
    assertThat(activities.sent.size()).isEqualTo(sentBefore);
  }

  @Test
  void aCancellationOfAnotherMeetingChangesNothingAndARescheduleIsFollowed() {
    LeadWorkflow workflow = acknowledgedLead("meet-3");
    workflow.meetingBooked(THURSDAY_10AM);
    temporal.sleep(Duration.ofMinutes(1));

    workflow.meetingCanceled(THURSDAY_10AM.plus(Duration.ofDays(7)));
    Instant movedTo = THURSDAY_10AM.plus(Duration.ofDays(2));
    workflow.meetingBooked(movedTo);
    temporal.sleep(Duration.ofDays(3));
    assertThat(workflow.state().status()).isEqualTo(LeadStatus.MEETING_BOOKED);
    assertThat(workflow.state().meetingAt()).isEqualTo(movedTo);
    assertThat(statusOf("meet-3")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    temporal.sleep(Duration.ofDays(2));
    assertThat(statusOf("meet-3")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  @Test
  void aReassignmentHandsTheLeadToTheNamedRepWhoIsTold() {
    LeadWorkflow workflow = temporal.start(Leads.lead("meet-4"));
    temporal.sleep(Duration.ofMinutes(1));

    workflow.reassign(new Reassignment("zoe", "Owner changed in HubSpot"));
    temporal.sleep(Duration.ofMinutes(1));
    LeadState state = workflow.state();
    assertThat(state.assignedRep()).isEqualTo("zoe");
    assertThat(state.escalations()).extracting(Escalation::reason).contains("Owner changed in HubSpot");
    assertThat(activities.notices).anySatisfy(notice -> {
      assertThat(notice.repId()).isEqualTo("zoe");
      assertThat(notice.message()).isEqualTo("Owner changed in HubSpot");
    });
    assertThat(workflow.acknowledge("zoe").repId()).isEqualTo("zoe");
  }

  @Test
  void aLeadTheCrmTookOverClosesAsConverted() {
    LeadWorkflow workflow = acknowledgedLead("meet-5");
    workflow.convert("HubSpot lifecycle stage: customer");
    temporal.sleep(Duration.ofMinutes(1));

    assertThat(statusOf("meet-5")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    LeadState state = temporal.untyped("meet-5").query("state", LeadState.class);
    assertThat(state.status()).isEqualTo(LeadStatus.CONVERTED);
    assertThat(state.closedReason()).contains("customer");
  }

  private LeadWorkflow acknowledgedLead(String id) {
    LeadWorkflow workflow = temporal.start(Leads.lead(id));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    return workflow;
  }

  private WorkflowExecutionStatus statusOf(String leadId) {
    return temporal.untyped(leadId).describe().getStatus();
  }
}
