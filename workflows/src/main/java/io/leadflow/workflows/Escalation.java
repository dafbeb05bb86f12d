package io.leadflow.workflows;

import java.time.Instant;

/** A change of owner: who, to whom, when and why (missed ack SLA, tier upgrade). */
public record Escalation(String fromRep, String toRep, Instant at, String reason) {}
