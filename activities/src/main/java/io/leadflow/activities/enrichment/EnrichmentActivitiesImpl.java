package io.leadflow.activities.enrichment;

import io.leadflow.workflows.EnrichedLead;
import io.leadflow.workflows.EnrichmentActivities;
import io.leadflow.workflows.NewLead;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Enriches a lead (email domain and kind, phone location, title, known account, vendor
 * firmographics) and keeps the result with the lead. A vendor failure never fails the activity:
 * the lead goes on with partial data and a note.
 */
@Component("enrichmentActivities")
class EnrichmentActivitiesImpl implements EnrichmentActivities {

  private final Enricher enricher;
  private final EnrichmentRecords records;

  EnrichmentActivitiesImpl(
      @Value("${leadflow.enrichment.default-region:US}") String defaultRegion,
      KnownAccounts accounts,
      Optional<CompanyDataProvider> vendor,
      EnrichmentRecords records) {
    this.enricher = new Enricher(defaultRegion, accounts::byDomain, vendor);
    this.records = records;
  }

  @Override
  public EnrichedLead enrich(NewLead lead) {
    EnrichedLead enriched = enricher.enrich(lead);
    records.save(enriched);
    return enriched;
  }
}
