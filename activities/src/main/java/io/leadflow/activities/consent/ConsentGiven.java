package io.leadflow.activities.consent;

import io.leadflow.workflows.Channel;
import java.time.Instant;

/** The evidence of one consent: what the person was shown, when, where and how they agreed. */
public record ConsentGiven(
    Channel channel, ConsentMethod method, String text, Instant givenAt, String pageUrl, String ip, String userAgent) {}
