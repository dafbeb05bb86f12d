package io.leadflow.activities.enrichment;

import io.leadflow.workflows.EnrichedLead;
import io.leadflow.workflows.EnrichmentActivities;
import io.leadflow.workflows.NewLead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Built-in enrichment that needs no vendor: company domain from the email, country, US state and
 * time zones from the phone. (Vendor enrichment and account matching are the engines issue.)
 */
@Component("enrichmentActivities")
class EnrichmentActivitiesImpl implements EnrichmentActivities {

  private final String defaultRegion;

  EnrichmentActivitiesImpl(@Value("${leadflow.enrichment.default-region:US}") String defaultRegion) {
    this.defaultRegion = defaultRegion;
  }

  @Override
  public EnrichedLead enrich(NewLead lead) {
    List<String> notes = new ArrayList<>();
    boolean freeMail = FreeMail.isFreeMail(lead.email());
    if (freeMail) {
      notes.add("Free-mail address: no company domain");
    }
    String domain = freeMail ? null : FreeMail.domainOf(lead.email());
    Optional<PhoneLocation> location =
        lead.hasPhone() ? PhoneLocation.of(lead.phone(), defaultRegion) : Optional.empty();
    if (!lead.hasPhone()) {
      notes.add("No phone: country and time zone unknown");
    } else if (location.isEmpty()) {
      notes.add("Phone is not a valid number: country and time zone unknown");
    } else if (location.get().timeZones().isEmpty()) {
      notes.add("Time zone of the phone is unknown");
    }
    return new EnrichedLead(
        lead.leadId(),
        domain,
        location.map(PhoneLocation::country).orElse(null),
        location.map(PhoneLocation::region).orElse(null),
        location.map(PhoneLocation::timeZones).orElse(List.of()),
        location.map(l -> l.timeZones().isEmpty()).orElse(true),
        notes);
  }
}
