package io.leadflow.activities.crm;

import java.time.Duration;

/** The CRM said no, or did not answer; {@link #retryable()} tells whether trying again can help. */
public class CrmException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final transient Duration retryAfter;

  private CrmException(String message, boolean retryable, Duration retryAfter) {
    super(message);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** Throttled (429), down (5xx) or unreachable: try again, after {@code retryAfter} when the CRM said so (else null). */
  public static CrmException retryable(String message, Duration retryAfter) {
    return new CrmException(message, true, retryAfter);
  }

  /** A bad field, a deleted record, credentials refused: the same call fails the same way again. */
  public static CrmException refused(String message) {
    return new CrmException(message, false, null);
  }

  public boolean retryable() {
    return retryable;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
