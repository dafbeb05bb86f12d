package io.leadflow.workflows;

/** A message from the lead. {@code messageId} makes a redelivered reply a no-op. */
public record Reply(Channel channel, String body, String messageId) {}
