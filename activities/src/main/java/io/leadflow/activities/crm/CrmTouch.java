package io.leadflow.activities.crm;

import io.leadflow.workflows.Channel;
import java.time.Instant;

/**
 * One touch as logged in the CRM. {@code key} is the touch's business key (at most 200
 * characters), unique per touch: the CRM activity is created once per key. {@code outcome} is
 * {@code SENT}, {@code SKIPPED} or {@code FAILED}; {@code description} says what was sent or why not.
 */
public record CrmTouch(
    String key, Channel channel, String outcome, Instant at, String subject, String description, String ownerId) {}
