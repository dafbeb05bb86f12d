package io.leadflow.workflows;

/** A channel the lead cannot be contacted on, and why (suppressed, no consent, no address). */
public record BlockedChannel(Channel channel, String why) {}
