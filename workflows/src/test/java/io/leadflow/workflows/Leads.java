package io.leadflow.workflows;

import io.leadflow.workflows.QuietHoursPolicy.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** The leads, scores, team and playbook the workflow tests run with. */
final class Leads {

  static final Instant MONDAY_10AM_NEW_YORK = Instant.parse("2026-03-02T15:00:00Z");
  static final Duration DAY = Duration.ofDays(1);

  static final CadencePlan DEFAULT_CADENCE =
      new CadencePlan(
          "default",
          1,
          List.of(
              new CadenceStep(1, List.of(Channel.CALL, Channel.SMS), "d1-intro"),
              new CadenceStep(3, List.of(Channel.EMAIL), "d3-value"),
              new CadenceStep(5, List.of(Channel.CALL), "d5-call"),
              new CadenceStep(8, List.of(Channel.EMAIL), "d8-case-study"),
              new CadenceStep(14, List.of(Channel.EMAIL), "d14-break-up")));

  static final Playbook PLAYBOOK =
      new Playbook(
          Duration.ofMinutes(10),
          DAY,
          DEFAULT_CADENCE,
          new QuietHoursPolicy(
              new Window(LocalTime.of(8, 0), LocalTime.of(21, 0)),
              Map.of("US-FL", new Window(LocalTime.of(8, 0), LocalTime.of(20, 0))),
              List.of("America/New_York", "America/Los_Angeles"),
              Duration.ZERO),
          Duration.ofDays(14),
          Duration.ofDays(30),
          new TierActions(
              new TierAction(Duration.ofMinutes(5), true), new TierAction(Duration.ofHours(4), false)));

  static final LeadScore HOT = new LeadScore(48, Tier.HOT, List.of("+30 demo request"));
  static final LeadScore WARM = new LeadScore(20, Tier.WARM, List.of("+20 pricing"));
  static final LeadScore COLD = new LeadScore(5, Tier.COLD, List.of("+5 general interest"));
  static final Assignment TEAM = new Assignment("ana", "ben", "mia", "territory EMEA");

  private Leads() {}

  static NewLead lead(String id) {
    return new NewLead(id, "Sarah Kim", "sarah@acme.test", "+12125550100", "web", "demo request");
  }

  /** {@link #PLAYBOOK} with another cadence. */
  static Playbook playbookWithCadence(CadencePlan cadence) {
    return new Playbook(
        PLAYBOOK.backupAckSla(), PLAYBOOK.day(), cadence, PLAYBOOK.quietHours(), PLAYBOOK.engagedFollowUp(),
        PLAYBOOK.nurtureInterval(), PLAYBOOK.tierActions());
  }

  /** {@link #PLAYBOOK} whose rep and backup each have {@code ackSla}: a slow acknowledgement makes the cadence start late. */
  static Playbook playbookWithAckSla(Duration ackSla) {
    return new Playbook(
        ackSla, PLAYBOOK.day(), PLAYBOOK.cadence(), PLAYBOOK.quietHours(), PLAYBOOK.engagedFollowUp(), PLAYBOOK.nurtureInterval(),
        new TierActions(new TierAction(ackSla, true), new TierAction(ackSla, false)));
  }

  /** {@link #PLAYBOOK} with held calls and texts spread over {@code spread} after a window opens. */
  static Playbook playbookWithOpeningSpread(Duration spread) {
    QuietHoursPolicy q = PLAYBOOK.quietHours();
    return new Playbook(
        PLAYBOOK.backupAckSla(), PLAYBOOK.day(), PLAYBOOK.cadence(),
        new QuietHoursPolicy(q.window(), q.regionOverrides(), q.fallbackZones(), spread),
        PLAYBOOK.engagedFollowUp(), PLAYBOOK.nurtureInterval(), PLAYBOOK.tierActions());
  }
}
