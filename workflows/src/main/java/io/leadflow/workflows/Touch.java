package io.leadflow.workflows;

import java.time.Instant;

/** What became of one touch. */
public record Touch(
    String step, Channel channel, Outcome outcome, String provider, String providerMessageId, Instant at) {

  public enum Outcome {
    SENT,
    /** The sender found the lead inside quiet hours (a retry drifted): try again later. */
    DEFERRED_QUIET_HOURS,
    /** The lead cannot be reached on this channel (no address, invalid, suppressed, capped). */
    SKIPPED,
    /** The provider refused it for good (e.g. a configuration error); not retried. */
    FAILED
  }
}
