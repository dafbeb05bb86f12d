package io.leadflow.workflows;

import java.time.Duration;

/**
 * The configuration a lead's workflow runs by, resolved once (an activity) and then fixed in the
 * workflow's history: editing the config changes new leads, never running ones. {@code day} is the
 * length of a cadence day (24h; seconds in a demo or a benchmark). {@code tierActions} is null in
 * playbooks recorded before tiers had actions of their own: those leads use {@code ackSla} for
 * every tier.
 */
public record Playbook(
    Duration ackSla,
    Duration backupAckSla,
    Duration day,
    CadencePlan cadence,
    QuietHoursPolicy quietHours,
    Duration engagedFollowUp,
    Duration nurtureInterval,
    TierActions tierActions) {}
