package io.leadflow.api.leads;

import java.util.UUID;

/** The answer to a capture: the lead, its workflow, and whether the person was already known. */
record CapturedLead(UUID leadId, String workflowId, boolean joinedExisting) {}
