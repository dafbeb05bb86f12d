package io.leadflow.workflows;

import static io.leadflow.workflows.LeadHarness.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeadWorkflowAcknowledgementTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = LeadHarness.extension(MONDAY_10AM_NEW_YORK);

  private LeadHarness harness;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    harness = new LeadHarness(env, worker, client);
  }

  @Test
  void anAckInTimeKeepsTheRepAndStartsTheCadence() {
    LeadWorkflow workflow = harness.start(LeadHarness.lead("ack-1"));
    harness.sleep(Duration.ofMinutes(2));

    AckResult ack = workflow.acknowledge("ana");
    harness.sleep(Duration.ofMinutes(30));

    LeadState state = workflow.state();
    LeadHarness.assertAround(ack.acknowledgedAt(), MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(2)));
    assertThat(state.status()).isEqualTo(LeadStatus.IN_CADENCE);
    assertThat(state.assignedRep()).isEqualTo("ana");
    assertThat(state.acknowledgedBy()).isEqualTo("ana");
    assertThat(state.escalations()).isEmpty();
    assertThat(state.ackDeadline()).isNull();
    assertThat(harness.notices).extracting(RepNotice::repId).containsExactly("ana");
  }

  @Test
  void theInstantReplyGoesOutBeforeAnyoneAcknowledges() {
    harness.start(LeadHarness.lead("ack-2"));
    harness.sleep(Duration.ofSeconds(1));

    assertThat(harness.sent)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.request().channel()).isEqualTo(Channel.EMAIL);
              assertThat(s.request().template()).isEqualTo("instant-reply");
              LeadHarness.assertAround(s.at(), MONDAY_10AM_NEW_YORK);
            });
  }

  @Test
  void aMissedAckEscalatesToTheBackupThenTheManager() {
    LeadWorkflow workflow = harness.start(LeadHarness.lead("ack-3"));

    harness.sleep(Duration.ofMinutes(4));
    LeadState waiting = workflow.state();
    assertThat(waiting.status()).isEqualTo(LeadStatus.AWAITING_ACK);
    LeadHarness.assertAround(waiting.ackDeadline(), MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(5)));

    harness.sleep(Duration.ofMinutes(12));

    LeadState state = workflow.state();
    assertThat(state.escalations())
        .extracting(Escalation::fromRep, Escalation::toRep, Escalation::reason)
        .containsExactly(
            tuple("ana", "ben", "Ack SLA of 5m missed by ana"),
            tuple("ben", "mia", "Ack SLA of 10m missed by ben"));
    LeadHarness.assertAround(state.escalations().get(0).at(), MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(5)));
    LeadHarness.assertAround(state.escalations().get(1).at(), MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(15)));
    assertThat(state.assignedRep()).isEqualTo("mia");
    assertThat(state.status()).isEqualTo(LeadStatus.IN_CADENCE);
    assertThat(harness.notices).extracting(RepNotice::repId).containsExactly("ana", "ben", "mia");
  }

  @Test
  void theBackupCanAcknowledgeButTheFirstRepNoLonger() {
    LeadWorkflow workflow = harness.start(LeadHarness.lead("ack-4"));
    harness.sleep(Duration.ofMinutes(6));

    assertThatThrownBy(() -> workflow.acknowledge("ana"))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("ana is not the current assignee (ben)");
    workflow.acknowledge("ben");
    harness.sleep(Duration.ofMinutes(30));

    LeadState state = workflow.state();
    assertThat(state.acknowledgedBy()).isEqualTo("ben");
    assertThat(state.escalations()).hasSize(1);
  }

  @Test
  void aSecondAckAndAnAckOnAClosedLeadAreRejectedWithAReason() {
    LeadWorkflow workflow = harness.start(LeadHarness.lead("ack-5"));
    harness.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");

    assertThatThrownBy(() -> workflow.acknowledge("ana"))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("Already acknowledged by ana");

    workflow.disqualify("student");
    harness.sleep(Duration.ofMinutes(1));
    // A closed lead's workflow has completed: there is nothing left to acknowledge.
    assertThatThrownBy(() -> workflow.acknowledge("ana")).isInstanceOf(WorkflowNotFoundException.class);
    assertThat(harness.untyped("ack-5").describe().getStatus())
        .isEqualTo(io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  @Test
  void searchAttributesTellAnOperatorWhereTheLeadIs() {
    LeadWorkflow workflow = harness.start(LeadHarness.lead("ack-6"));
    harness.sleep(Duration.ofMinutes(1));

    var attributes = harness.untyped("ack-6").describe().getTypedSearchAttributes();
    assertThat(attributes.get(LeadSearchAttributes.STATUS)).isEqualTo("AWAITING_ACK");
    assertThat(attributes.get(LeadSearchAttributes.TIER)).isEqualTo("HOT");
    assertThat(attributes.get(LeadSearchAttributes.SCORE)).isEqualTo(48L);
    assertThat(attributes.get(LeadSearchAttributes.ASSIGNED_REP)).isEqualTo("ana");
    assertThat(attributes.get(LeadSearchAttributes.SOURCE)).isEqualTo("web");

    workflow.acknowledge("ana");
    harness.sleep(Duration.ofHours(1));
    var later = harness.untyped("ack-6").describe().getTypedSearchAttributes();
    assertThat(later.get(LeadSearchAttributes.STATUS)).isEqualTo("IN_CADENCE");
    LeadHarness.assertAround(
        later.get(LeadSearchAttributes.NEXT_TOUCH_AT).toInstant(), MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(2)));
    assertThat(workflow.state().nextTouch()).isEqualTo("Day 3 · EMAIL");
  }
}
