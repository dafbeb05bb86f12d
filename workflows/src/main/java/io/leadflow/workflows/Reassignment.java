package io.leadflow.workflows;

/** The lead goes to another rep by someone's decision outside the workflow (the CRM's owner changed). */
public record Reassignment(String repId, String reason) {}
