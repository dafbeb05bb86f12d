package io.leadflow.workflows;

import java.time.Duration;
import java.util.Objects;

/**
 * The configuration a lead's workflow runs by, resolved once (an activity) and then fixed in the
 * workflow's history: editing the config changes new leads, never running ones. {@code day} is the
 * length of a cadence day (24h; seconds in a demo or a benchmark). The rep's acknowledgement SLA
 * is the tier's ({@code tierActions}); {@code backupAckSla} is the backup's. {@code crmSync}: a
 * CRM is configured, so the lead's record and touches are synced to it (absent in histories from before).
 * {@code templates}: the version of each message template the lead's touches send (null in
 * histories from before: they send the newest).
 */
public record Playbook(
    Duration backupAckSla,
    Duration day,
    CadencePlan cadence,
    QuietHoursPolicy quietHours,
    Duration engagedFollowUp,
    Duration nurtureInterval,
    TierActions tierActions,
    boolean crmSync,
    TemplateVersions templates) {

  public Playbook {
    Objects.requireNonNull(tierActions, "tierActions");
  }

  /** A playbook without a CRM to keep in step (the store is the system of record). */
  public Playbook(
      Duration backupAckSla,
      Duration day,
      CadencePlan cadence,
      QuietHoursPolicy quietHours,
      Duration engagedFollowUp,
      Duration nurtureInterval,
      TierActions tierActions) {
    this(backupAckSla, day, cadence, quietHours, engagedFollowUp, nurtureInterval, tierActions, false, null);
  }

  public Playbook(
      Duration backupAckSla,
      Duration day,
      CadencePlan cadence,
      QuietHoursPolicy quietHours,
      Duration engagedFollowUp,
      Duration nurtureInterval,
      TierActions tierActions,
      boolean crmSync) {
    this(backupAckSla, day, cadence, quietHours, engagedFollowUp, nurtureInterval, tierActions, crmSync, null);
  }

  public Playbook withCrmSync(boolean on) {
    return new Playbook(backupAckSla, day, cadence, quietHours, engagedFollowUp, nurtureInterval, tierActions, on, templates);
  }

  public Playbook withTemplates(TemplateVersions versions) {
    return new Playbook(backupAckSla, day, cadence, quietHours, engagedFollowUp, nurtureInterval, tierActions, crmSync, versions);
  }
}
