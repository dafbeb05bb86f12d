package io.leadflow.workflows;

import java.util.List;

/**
 * One send the workflow asks for. {@code (leadId, step, channel)} is its idempotency key.
 * Calls and texts carry the quiet-hours window so the sender can re-check it just before sending;
 * {@code assignedRep} is who a click-to-call rings first and whose name a message carries.
 */
public record TouchRequest(
    String leadId,
    String step,
    Channel channel,
    String template,
    QuietHoursCheck quietHours,
    String assignedRep) {

  public TouchRequest {
    if (channel.respectsQuietHours() && quietHours == null) {
      throw new IllegalArgumentException(channel + " touches need a quiet-hours window");
    }
  }

  public String businessKey() {
    return leadId + ":" + step + ":" + channel;
  }

  /** The window in each of the lead's candidate zones; a send must be inside all of them. */
  public record QuietHoursCheck(QuietHoursPolicy.Window window, List<String> zones) {}
}
