package io.leadflow.workflows;

/** A send that happened (or was found already done), with the provider that carried it. */
public record Touch(String step, Channel channel, String provider, String providerMessageId) {}
