package io.leadflow.workflows;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlaybookTest {

  /** The assigned rep's SLA comes from the lead's tier: without tier actions there is none. */
  @Test
  void aPlaybookWithoutTierActionsIsRefused() {
    Playbook p = Leads.PLAYBOOK;
    assertThatThrownBy(
            () ->
                new Playbook(
                    p.backupAckSla(), p.day(), p.cadence(), p.quietHours(), p.engagedFollowUp(), p.nurtureInterval(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("tierActions");
  }
}
