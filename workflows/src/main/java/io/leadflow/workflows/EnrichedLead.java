package io.leadflow.workflows;

import java.util.List;

/**
 * What enrichment learned. {@code timeZones} are IANA ids the lead may be in (a phone prefix can
 * span several); empty when unknown. {@code region} is a state/province code when known.
 * {@code e164} is the phone in E.164. {@code role} ("marketing", "engineering", ...) and
 * {@code seniority} come from the job title; {@code student} and {@code jobSeeker} from the
 * address, title and interest. {@code companyName}, {@code industry} and {@code employees} come
 * from the matched account, the vendor, or the form, in that order; {@code accountId} is the known
 * account whose domain the email belongs to. {@code vendorFailed} says the vendor could not be
 * asked (the lead is then {@code partial}).
 */
public record EnrichedLead(
    String leadId,
    String companyDomain,
    String country,
    String region,
    List<String> timeZones,
    boolean partial,
    List<String> notes,
    String e164,
    EmailKind emailKind,
    String role,
    Seniority seniority,
    boolean student,
    boolean jobSeeker,
    String companyName,
    String industry,
    Integer employees,
    String accountId,
    String accountName,
    boolean vendorFailed) {

  public EnrichedLead {
    timeZones = timeZones == null ? List.of() : List.copyOf(timeZones);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** Location and company domain only. */
  public EnrichedLead(
      String leadId,
      String companyDomain,
      String country,
      String region,
      List<String> timeZones,
      boolean partial,
      List<String> notes) {
    this(
        leadId, companyDomain, country, region, timeZones, partial, notes, null, null, null, null, false, false,
        null, null, null, null, null, false);
  }
}
