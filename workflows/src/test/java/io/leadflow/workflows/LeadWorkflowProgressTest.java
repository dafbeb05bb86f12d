package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** What the lead store hears from the workflow: the facts speed-to-lead reports are built on. */
class LeadWorkflowProgressTest {

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;


  @Test
  void theAcknowledgementTimeReachesTheStoreWithTheNextProgress() {
    LeadWorkflow workflow = temporal.start(Leads.lead("progress-ack"));
    temporal.sleep(Duration.ofMinutes(3));

    AckResult ack = workflow.acknowledge("ana");
    temporal.sleep(Duration.ofMinutes(1));

    List<LeadProgress> recorded = recorded();
    assertThat(recorded)
        .extracting(LeadProgress::status, LeadProgress::assignedRep, LeadProgress::acknowledgedAt)
        .containsSubsequence(
            tuple(LeadStatus.AWAITING_ACK, "ana", null),
            tuple(LeadStatus.IN_CADENCE, "ana", ack.acknowledgedAt()));
    LeadWorkflowExtension.assertAround(ack.acknowledgedAt(), MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(3)));
  }

  @Test
  void escalationsReachTheStoreAsChangesOfOwnerWhileAwaitingAck() {
    temporal.start(Leads.lead("progress-esc"));
    temporal.sleep(Duration.ofMinutes(16));

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
    verify(activities.store, atLeastOnce()).recordProgress(progress.capture());
    return progress.getAllValues();
  }
}
