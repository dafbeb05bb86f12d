package io.leadflow.activities.crm;

import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.Tier;

/**
 * A lead as the CRM gets it. {@code ownerId} is the CRM's own id of the assigned rep (the rep
 * directory's {@code crmOwnerId}); null when the rep has none, and the CRM keeps its owner.
 */
public record CrmLead(
    String leadId,
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String title,
    String source,
    String interest,
    Integer score,
    Tier tier,
    LeadStatus status,
    String ownerId) {}
