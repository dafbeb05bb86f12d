package io.leadflow.workflows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One send the workflow asks for. {@code (leadId, step, channel)} is its idempotency key.
 * Calls and texts carry the quiet-hours window so the sender can re-check it just before sending;
 * {@code assignedRep} is who a click-to-call rings first and whose name a message carries.
 * {@code decidedAt} is the workflow time of the task that decided the send: a reply or opt-out
 * stored after it was not yet known to the workflow (null from a caller that is not a workflow:
 * the send then counts as decided when it was first scheduled). {@code templateVersions}: the
 * version of each template name (the step's and its variants) planned for this lead on this
 * channel; null (from histories before, or a caller that is not a workflow) sends the newest.
 */
public record TouchRequest(
    String leadId,
    String step,
    Channel channel,
    String template,
    QuietHoursCheck quietHours,
    String assignedRep,
    Instant decidedAt,
    Map<String, Integer> templateVersions) {

  public TouchRequest(
      String leadId, String step, Channel channel, String template, QuietHoursCheck quietHours, String assignedRep, Instant decidedAt) {
    this(leadId, step, channel, template, quietHours, assignedRep, decidedAt, null);
  }

  public TouchRequest {
    if (channel.respectsQuietHours() && quietHours == null) {
      throw new IllegalArgumentException(channel + " touches need a quiet-hours window");
    }
  }

  public String businessKey() {
    return BusinessKey.of(leadId, step, channel.name());
  }

  /** The window in each of the lead's candidate zones; a send must be inside all of them. */
  public record QuietHoursCheck(QuietHoursPolicy.Window window, List<String> zones) {}
}
