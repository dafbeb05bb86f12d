package io.leadflow.workflows;

import static io.leadflow.workflows.LeadHarness.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** What the lead store hears from the workflow: the facts speed-to-lead reports are built on. */
class LeadWorkflowProgressTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = LeadHarness.extension(MONDAY_10AM_NEW_YORK);

  private LeadHarness harness;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    harness = new LeadHarness(env, worker, client);
  }

  @Test
  void theAcknowledgementTimeReachesTheStoreWithTheNextProgress() {
    LeadWorkflow workflow = harness.start(LeadHarness.lead("progress-ack"));
    harness.sleep(Duration.ofMinutes(3));

    AckResult ack = workflow.acknowledge("ana");
    harness.sleep(Duration.ofMinutes(1));

    List<LeadProgress> recorded = recorded();
    assertThat(recorded)
        .extracting(LeadProgress::status, LeadProgress::assignedRep, LeadProgress::acknowledgedAt)
        .containsSubsequence(
            tuple(LeadStatus.AWAITING_ACK, "ana", null),
            tuple(LeadStatus.IN_CADENCE, "ana", ack.acknowledgedAt()));
    LeadHarness.assertAround(ack.acknowledgedAt(), MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(3)));
  }

  @Test
  void escalationsReachTheStoreAsChangesOfOwnerWhileAwaitingAck() {
    harness.start(LeadHarness.lead("progress-esc"));
    harness.sleep(Duration.ofMinutes(16));

    assertThat(recorded())
        .extracting(LeadProgress::status, LeadProgress::assignedRep, LeadProgress::acknowledgedAt)
        .containsSubsequence(
            tuple(LeadStatus.AWAITING_ACK, "ana", null),
            tuple(LeadStatus.AWAITING_ACK, "ben", null),
            tuple(LeadStatus.AWAITING_ACK, "mia", null),
            tuple(LeadStatus.IN_CADENCE, "mia", null));
  }

  private List<LeadProgress> recorded() {
    ArgumentCaptor<LeadProgress> progress = ArgumentCaptor.forClass(LeadProgress.class);
    verify(harness.store, atLeastOnce()).recordProgress(progress.capture());
    return progress.getAllValues();
  }
}
