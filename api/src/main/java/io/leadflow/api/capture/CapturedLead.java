package io.leadflow.api.capture;

import java.util.UUID;

/** The answer to a capture: the lead, its workflow, and whether the person was already known. */
public record CapturedLead(UUID leadId, String workflowId, boolean joinedExisting) {}
