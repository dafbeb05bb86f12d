package io.leadflow.activities.outreach;

import java.time.Duration;

/** A provider said no, or did not answer; {@link Kind} tells whether to retry and what it means for the lead. */
public class ProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public enum Kind {
    /** Throttled or the provider is down: retry, after {@code retryAfter} when given. */
    RETRYABLE,
    /** The address does not exist (Twilio 21211): stop using it. */
    INVALID_ADDRESS,
    /** The recipient blocked us at the carrier (Twilio 21610): treat as an opt-out. */
    OPTED_OUT,
    /** Anything else the provider refused: retrying would not help. */
    PERMANENT,
    /**
     * No answer after the request left (a read timeout, a connection lost mid-request): the
     * provider may have it, so it is not repeated.
     */
    AMBIGUOUS
  }

  private final Kind kind;
  private final transient Duration retryAfter;

  public ProviderException(Kind kind, String message, Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
