package io.leadflow.workflows;

/** Who owns the lead, who takes over when the SLA is missed, and why this rep. */
public record Assignment(String repId, String backupRepId, String managerId, String reason) {}
