package io.leadflow.activities.consent;

import io.leadflow.workflows.Channel;
import java.time.Instant;

/** A consent on record for a lead, as its page shows it. */
public record StoredConsent(long id, Channel channel, ConsentMethod method, String text, Instant givenAt, String source) {}
