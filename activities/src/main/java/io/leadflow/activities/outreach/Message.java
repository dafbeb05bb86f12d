package io.leadflow.activities.outreach;

/** A rendered message: the subject is only used by email, the HTML only when present. */
public record Message(String subject, String text, String html) {}
