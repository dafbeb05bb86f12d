package io.leadflow.api.calls;

import java.time.Instant;

/**
 * One of the team's Twilio numbers and the campaign it belongs to: calls and texts to {@code number}
 * are captured with {@code source} and the utm campaign and medium; a call is forwarded to
 * {@code forwardTo} when there is one. Numbers are E.164.
 */
public record TrackedNumber(
    String number, String source, String utmCampaign, String utmMedium, String forwardTo, Instant updatedAt) {}
