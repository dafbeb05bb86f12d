package io.leadflow.workflows;

import java.time.Instant;

/**
 * Something the lead did that may change their score: "pricing-page-visit", "form-fill" (the
 * same person captured again), ... {@code eventId} makes a redelivered event a no-op. {@code at}
 * is when it happened (null when the sender did not say): scoring decays old behaviour from it.
 */
public record EngagementEvent(String type, String detail, String eventId, Instant at) {

  public EngagementEvent(String type, String detail, String eventId) {
    this(type, detail, eventId, null);
  }
}
