package io.leadflow.activities.messages;

/** A version just saved; for a text, how long it is with {@link SampleValues} (null for an email). */
public record SavedTemplate(MessageTemplate template, SmsLength length) {}
