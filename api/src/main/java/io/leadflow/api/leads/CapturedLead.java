package io.leadflow.api.leads;

import io.leadflow.workflows.LeadStatus;
import java.util.UUID;

/** The 202 answer to a capture. */
record CapturedLead(UUID leadId, String workflowId, LeadStatus status) {}
