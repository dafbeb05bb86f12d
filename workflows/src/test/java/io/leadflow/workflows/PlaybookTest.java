package io.leadflow.workflows;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlaybookTest {

  /** The tier's SLA is the only SLA a rep gets: there is no playbook without tier actions. */
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

  @Test
  void quietHoursWithoutAnOpeningSpreadAreRefused() {
    QuietHoursPolicy q = Leads.PLAYBOOK.quietHours();
    assertThatThrownBy(() -> new QuietHoursPolicy(q.window(), q.regionOverrides(), q.fallbackZones(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("openingSpread");
  }

  @Test
  void aZeroSpreadIsNoSpread() {
    QuietHoursPolicy q = Leads.PLAYBOOK.quietHours();
    org.assertj.core.api.Assertions.assertThat(
            new QuietHoursPolicy(q.window(), q.regionOverrides(), q.fallbackZones(), Duration.ZERO).openingOffset("any"))
        .isZero();
  }
}
