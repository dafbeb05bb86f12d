package io.leadflow.activities.routing;

import io.leadflow.activities.enrichment.EmailDomains;
import io.leadflow.workflows.EmailKind;
import io.leadflow.workflows.EnrichedLead;
import io.leadflow.workflows.RouteRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What routing matches a lead on. Unknown values are null. */
record LeadProfile(UUID leadId, String domain, String country, String region, Integer employees, String interest) {

  static LeadProfile of(RouteRequest request) {
    EnrichedLead enriched = request.enriched();
    String email = request.lead().email();
    String domain =
        enriched != null && enriched.companyDomain() != null
            ? enriched.companyDomain()
            : EmailDomains.kindOf(email) == EmailKind.BUSINESS ? EmailDomains.domainOf(email) : null;
    Integer employees = enriched != null && enriched.employees() != null ? enriched.employees() : request.lead().companySize();
    return new LeadProfile(
        UUID.fromString(request.lead().leadId()),
        domain,
        enriched == null ? null : enriched.country(),
        enriched == null || enriched.country() == null || enriched.region() == null ? null : enriched.country() + "-" + enriched.region(),
        employees,
        request.lead().interest());
  }

  /** "US-NY, 250 employees, 'demo request'": what the lead was routed on. */
  String describe() {
    List<String> parts = new ArrayList<>();
    parts.add(region != null ? region : country != null ? country : "country unknown");
    if (employees != null) {
      parts.add(employees + " employees");
    }
    if (interest != null) {
      parts.add("'" + interest + "'");
    }
    return String.join(", ", parts);
  }
}
