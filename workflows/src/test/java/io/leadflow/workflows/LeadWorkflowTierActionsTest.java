package io.leadflow.workflows;

import static io.leadflow.workflows.LeadHarness.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each tier's action from the playbook: who is alerted how, and how long the rep has. */
class LeadWorkflowTierActionsTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = LeadHarness.extension(MONDAY_10AM_NEW_YORK);

  private static final TierAction HOT = LeadHarness.PLAYBOOK.tierActions().hot();
  private static final TierAction WARM = LeadHarness.PLAYBOOK.tierActions().warm();

  private LeadHarness harness;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    harness = new LeadHarness(env, worker, client);
  }

  @Test
  void aHotLeadGetsACallNowAlertAndTheHotSla() {
    when(harness.scoring.score(any())).thenReturn(LeadHarness.HOT);
    LeadWorkflow workflow = harness.start(LeadHarness.lead("tier-hot"));
    harness.sleep(Duration.ofSeconds(30));

    LeadState waiting = workflow.state();
    assertThat(harness.notices)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.repId()).isEqualTo("ana");
              assertThat(n.kind()).startsWith("call-now");
              assertThat(n.message()).startsWith("Call now: HOT lead, acknowledge within 5m");
            });
    LeadHarness.assertAround(waiting.ackDeadline(), MONDAY_10AM_NEW_YORK.plus(HOT.ackSla()));

    harness.sleep(HOT.ackSla());

    assertThat(workflow.state().escalations())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("Ack SLA of 5m missed by ana"));
  }

  @Test
  void aWarmLeadGetsTheSameDaySlaAndNoCallAlert() {
    when(harness.scoring.score(any())).thenReturn(LeadHarness.WARM);
    LeadWorkflow workflow = harness.start(LeadHarness.lead("tier-warm"));
    harness.sleep(HOT.ackSla().plusMinutes(1));

    LeadState waiting = workflow.state();
    assertThat(waiting.escalations()).isEmpty(); // the hot SLA is long gone, the warm one is not
    assertThat(waiting.assignedRep()).isEqualTo("ana");
    LeadHarness.assertAround(waiting.ackDeadline(), MONDAY_10AM_NEW_YORK.plus(WARM.ackSla()));
    assertThat(harness.notices)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).startsWith("new-lead");
              assertThat(n.message()).startsWith("New WARM lead, acknowledge within 4h");
            });

    harness.sleep(WARM.ackSla());

    assertThat(workflow.state().escalations())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.toRep()).isEqualTo("ben");
              assertThat(e.reason()).isEqualTo("Ack SLA of 4h missed by ana");
            });
    assertThat(harness.notices).noneMatch(n -> n.kind().startsWith("call-now"));
  }

  @Test
  void aColdLeadGetsNoRepAndNoAlert() {
    when(harness.scoring.score(any())).thenReturn(LeadHarness.COLD);
    LeadWorkflow workflow = harness.start(LeadHarness.lead("tier-cold"));
    harness.sleep(WARM.ackSla());

    LeadState state = workflow.state();
    assertThat(state.status()).isEqualTo(LeadStatus.NURTURE);
    assertThat(state.assignedRep()).isNull();
    assertThat(state.ackDeadline()).isNull();
    assertThat(harness.notices).isEmpty();
    verify(harness.routing, never()).route(any());
  }

  @Test
  void aPlaybookRecordedBeforeTierActionsKeepsOneSlaForEveryTier() {
    Playbook old = LeadHarness.PLAYBOOK;
    when(harness.playbooks.currentPlaybook())
        .thenReturn(
            new Playbook(
                old.ackSla(), old.backupAckSla(), old.day(), old.cadence(), old.quietHours(),
                old.engagedFollowUp(), old.nurtureInterval(), null));
    when(harness.scoring.score(any())).thenReturn(LeadHarness.WARM);
    LeadWorkflow workflow = harness.start(LeadHarness.lead("tier-none"));
    harness.sleep(old.ackSla().plusMinutes(1));

    assertThat(workflow.state().escalations())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("Ack SLA of 5m missed by ana"));
    assertThat(harness.notices).first().satisfies(n -> assertThat(n.kind()).startsWith("new-lead"));
  }
}
