package io.leadflow.api.leads;

import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.Tier;
import java.time.Instant;
import java.util.UUID;

/** A lead in a list: enough to pick it, no contact details. */
record LeadSummary(
    UUID id, String name, String source, LeadStatus status, Integer score, Tier tier, String assignedRep, Instant createdAt) {}
