package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each tier's action from the playbook: who is alerted how, and how long the rep has. */
class LeadWorkflowTierActionsTest {

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;

  private static final TierAction HOT = Leads.PLAYBOOK.tierActions().hot();
  private static final TierAction WARM = Leads.PLAYBOOK.tierActions().warm();


  @Test
  void aHotLeadGetsACallNowAlertAndTheHotSla() {
    when(activities.scoring.score(any())).thenReturn(Leads.HOT);
    LeadWorkflow workflow = temporal.start(Leads.lead("tier-hot"));
    temporal.sleep(Duration.ofSeconds(30));

    LeadState waiting = workflow.state();
    assertThat(activities.notices)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.repId()).isEqualTo("ana");
              assertThat(n.kind()).startsWith("call-now");
              assertThat(n.message()).startsWith("Call now: HOT lead, acknowledge within 5m");
            });
    LeadWorkflowExtension.assertAround(waiting.ackDeadline(), MONDAY_10AM_NEW_YORK.plus(HOT.ackSla()));

    temporal.sleep(HOT.ackSla());

    assertThat(workflow.state().escalations())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("Ack SLA of 5m missed by ana"));
  }

  @Test
  void aWarmLeadGetsTheSameDaySlaAndNoCallAlert() {
    when(activities.scoring.score(any())).thenReturn(Leads.WARM);
    LeadWorkflow workflow = temporal.start(Leads.lead("tier-warm"));
    temporal.sleep(HOT.ackSla().plusMinutes(1));

    LeadState waiting = workflow.state();
    assertThat(waiting.escalations()).isEmpty(); // the hot SLA is long gone, the warm one is not
    assertThat(waiting.assignedRep()).isEqualTo("ana");
    LeadWorkflowExtension.assertAround(waiting.ackDeadline(), MONDAY_10AM_NEW_YORK.plus(WARM.ackSla()));
    assertThat(activities.notices)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).startsWith("new-lead");
              assertThat(n.message()).startsWith("New WARM lead, acknowledge within 4h");
            });

    temporal.sleep(WARM.ackSla());

    assertThat(workflow.state().escalations())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.toRep()).isEqualTo("ben");
              assertThat(e.reason()).isEqualTo("Ack SLA of 4h missed by ana");
            });
    assertThat(activities.notices).noneMatch(n -> n.kind().startsWith("call-now"));
  }

  @Test
  void aColdLeadGetsNoRepAndNoAlert() {
    when(activities.scoring.score(any())).thenReturn(Leads.COLD);
    LeadWorkflow workflow = temporal.start(Leads.lead("tier-cold"));
    temporal.sleep(WARM.ackSla());

    LeadState state = workflow.state();
    assertThat(state.status()).isEqualTo(LeadStatus.NURTURE);
    assertThat(state.assignedRep()).isNull();
    assertThat(state.ackDeadline()).isNull();
    assertThat(activities.notices).isEmpty();
    verify(activities.routing, never()).route(any());
  }
}
