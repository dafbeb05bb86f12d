package io.leadflow.api.reports;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead waiting for its rep's acknowledgement right now. No personal data: the lead id opens the
 * lead in the API, the workflow id its history in the Temporal UI. {@code ackDeadline} comes from
 * the live workflow and is null when it could not answer in time.
 */
record WaitingLead(
    UUID leadId,
    String workflowId,
    String source,
    String tier,
    String assignedRep,
    boolean escalated,
    Instant capturedAt,
    Instant ackDeadline) {}
