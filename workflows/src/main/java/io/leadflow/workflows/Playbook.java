package io.leadflow.workflows;

import java.time.Duration;
import java.util.Objects;

/**
 * The configuration a lead's workflow runs by, resolved once (an activity) and then fixed in the
 * workflow's history: editing the config changes new leads, never running ones. {@code day} is the
 * length of a cadence day (24h; seconds in a demo or a benchmark). The rep's acknowledgement SLA
 * is the tier's ({@code tierActions}); {@code backupAckSla} is the backup's.
 */
public record Playbook(
    Duration backupAckSla,
    Duration day,
    CadencePlan cadence,
    QuietHoursPolicy quietHours,
    Duration engagedFollowUp,
    Duration nurtureInterval,
    TierActions tierActions) {

  public Playbook {
    Objects.requireNonNull(tierActions, "tierActions");
  }
}
