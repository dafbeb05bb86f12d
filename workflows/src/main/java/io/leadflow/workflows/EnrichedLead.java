package io.leadflow.workflows;

import java.util.List;

/**
 * What enrichment learned. {@code timeZones} are IANA ids the lead may be in (a phone prefix can
 * span several); empty when unknown. {@code region} is a state/province code when known.
 */
public record EnrichedLead(
    String leadId,
    String companyDomain,
    String country,
    String region,
    List<String> timeZones,
    boolean partial,
    List<String> notes) {

  public EnrichedLead {
    timeZones = timeZones == null ? List.of() : List.copyOf(timeZones);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
