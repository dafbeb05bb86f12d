package io.leadflow.activities.messages;

/**
 * A version just saved; for a text, how long it is with {@link SampleValues}, without and with the
 * opt-out hint the first text to a number carries (both null for an email).
 */
public record SavedTemplate(MessageTemplate template, SmsLength length, SmsLength lengthWithOptOutHint) {}
