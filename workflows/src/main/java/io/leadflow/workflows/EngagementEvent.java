package io.leadflow.workflows;

/**
 * Something the lead did that may change their score: "pricing-page-visit", "form-fill" (the
 * same person captured again), ... {@code eventId} makes a redelivered event a no-op.
 */
public record EngagementEvent(String type, String detail, String eventId) {}
