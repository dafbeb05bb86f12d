package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeadWorkflowAcknowledgementTest {

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;


  @Test
  void anAckInTimeKeepsTheRepAndStartsTheCadence() {
    LeadWorkflow workflow = temporal.start(Leads.lead("ack-1"));
    temporal.sleep(Duration.ofMinutes(2));

    AckResult ack = workflow.acknowledge("ana");
    temporal.sleep(Duration.ofMinutes(30));

    LeadState state = workflow.state();
    LeadWorkflowExtension.assertAround(ack.acknowledgedAt(), MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(2)));
    assertThat(state.status()).isEqualTo(LeadStatus.IN_CADENCE);
    assertThat(state.assignedRep()).isEqualTo("ana");
    assertThat(state.acknowledgedBy()).isEqualTo("ana");
    assertThat(state.escalations()).isEmpty();
    assertThat(state.ackDeadline()).isNull();
    assertThat(activities.notices).extracting(RepNotice::repId).containsExactly("ana");
  }

  @Test
  void theInstantReplyGoesOutBeforeAnyoneAcknowledges() {
    temporal.start(Leads.lead("ack-2"));
    temporal.sleep(Duration.ofSeconds(1));

    assertThat(activities.sent)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.request().channel()).isEqualTo(Channel.EMAIL);
              assertThat(s.request().template()).isEqualTo("instant-reply");
              LeadWorkflowExtension.assertAround(s.at(), MONDAY_10AM_NEW_YORK);
            });
  }

  @Test
  void aMissedAckEscalatesToTheBackupThenTheManager() {
    LeadWorkflow workflow = temporal.start(Leads.lead("ack-3"));

    temporal.sleep(Duration.ofMinutes(4));
    LeadState waiting = workflow.state();
    assertThat(waiting.status()).isEqualTo(LeadStatus.AWAITING_ACK);
    LeadWorkflowExtension.assertAround(waiting.ackDeadline(), MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(5)));

    temporal.sleep(Duration.ofMinutes(12));

    LeadState state = workflow.state();
    assertThat(state.escalations())
        .extracting(Escalation::fromRep, Escalation::toRep, Escalation::reason)
        .containsExactly(
            tuple("ana", "ben", "Ack SLA of 5m missed by ana"),
            tuple("ben", "mia", "Ack SLA of 10m missed by ben"));
    LeadWorkflowExtension.assertAround(state.escalations().get(0).at(), MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(5)));
    LeadWorkflowExtension.assertAround(state.escalations().get(1).at(), MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(15)));
    assertThat(state.assignedRep()).isEqualTo("mia");
    assertThat(state.status()).isEqualTo(LeadStatus.IN_CADENCE);
    assertThat(activities.notices).extracting(RepNotice::repId).containsExactly("ana", "ben", "mia");
  }

  @Test
  void theBackupCanAcknowledgeButTheFirstRepNoLonger() {
    LeadWorkflow workflow = temporal.start(Leads.lead("ack-4"));
    temporal.sleep(Duration.ofMinutes(6));

    assertThatThrownBy(() -> workflow.acknowledge("ana"))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("ana is not the current assignee (ben)");
    workflow.acknowledge("ben");
    temporal.sleep(Duration.ofMinutes(30));

    LeadState state = workflow.state();
    assertThat(state.acknowledgedBy()).isEqualTo("ben");
    assertThat(state.escalations()).hasSize(1);
  }

  @Test
  void aSecondAckAndAnAckOnAClosedLeadAreRejectedWithAReason() {
    LeadWorkflow workflow = temporal.start(Leads.lead("ack-5"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");

    assertThatThrownBy(() -> workflow.acknowledge("ana"))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("Already acknowledged by ana");

    workflow.disqualify("student");
    temporal.sleep(Duration.ofMinutes(1));
    // A closed lead's workflow has completed: there is nothing left to acknowledge.
    assertThatThrownBy(() -> workflow.acknowledge("ana")).isInstanceOf(WorkflowNotFoundException.class);
    assertThat(temporal.untyped("ack-5").describe().getStatus())
        .isEqualTo(io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  @Test
  void searchAttributesTellAnOperatorWhereTheLeadIs() {
    LeadWorkflow workflow = temporal.start(Leads.lead("ack-6"));
    temporal.sleep(Duration.ofMinutes(1));

    var attributes = temporal.untyped("ack-6").describe().getTypedSearchAttributes();
    assertThat(attributes.get(LeadSearchAttributes.STATUS)).isEqualTo("AWAITING_ACK");
    assertThat(attributes.get(LeadSearchAttributes.TIER)).isEqualTo("HOT");
    assertThat(attributes.get(LeadSearchAttributes.SCORE)).isEqualTo(48L);
    assertThat(attributes.get(LeadSearchAttributes.ASSIGNED_REP)).isEqualTo("ana");
    assertThat(attributes.get(LeadSearchAttributes.SOURCE)).isEqualTo("web");

    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofHours(1));
    var later = temporal.untyped("ack-6").describe().getTypedSearchAttributes();
    assertThat(later.get(LeadSearchAttributes.STATUS)).isEqualTo("IN_CADENCE");
    LeadWorkflowExtension.assertAround(
        later.get(LeadSearchAttributes.NEXT_TOUCH_AT).toInstant(), MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(2)));
    assertThat(workflow.state().nextTouch()).isEqualTo("Day 3 · EMAIL");
  }
}
