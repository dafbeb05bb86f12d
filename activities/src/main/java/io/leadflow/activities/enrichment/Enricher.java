package io.leadflow.activities.enrichment;

import io.leadflow.activities.enrichment.CompanyDataProvider.CompanyDataUnavailable;
import io.leadflow.workflows.EmailKind;
import io.leadflow.workflows.EnrichedLead;
import io.leadflow.workflows.NewLead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything enrichment learns about a lead, and the notes that say what it could not. Company
 * details come from the known account first, then the vendor, then what the form said; the
 * vendor is asked only for a business domain the account does not fully describe.
 */
final class Enricher {

  private final String defaultRegion;
  private final Function<String, Optional<KnownAccount>> accounts;
  private final Optional<CompanyDataProvider> vendor;

  Enricher(String defaultRegion, Function<String, Optional<KnownAccount>> accounts, Optional<CompanyDataProvider> vendor) {
    this.defaultRegion = defaultRegion;
    this.accounts = accounts;
    this.vendor = vendor;
  }

  EnrichedLead enrich(NewLead lead) {
    List<String> notes = new ArrayList<>();
    EmailKind emailKind = EmailDomains.kindOf(lead.email());
    noteEmail(emailKind, notes);
    String domain = emailKind == EmailKind.BUSINESS ? EmailDomains.domainOf(lead.email()) : websiteDomain(lead, notes);

    Optional<PhoneLocation> location = lead.hasPhone() ? PhoneLocation.of(lead.phone(), defaultRegion) : Optional.empty();
    notePhone(lead, location, notes);
    String country = location.map(PhoneLocation::country).orElseGet(() -> statedCountry(lead, notes));

    JobTitle title = JobTitle.parse(lead.title());
    boolean student = emailKind == EmailKind.STUDENT || title.student();
    boolean jobSeeker = title.jobSeeker() || JobTitle.mentionsJobSeeking(lead.interest());

    Optional<KnownAccount> account = accounts.apply(domain);
    account.ifPresent(a -> notes.add("Known account " + a.name() + " (" + domain + ")"));
    boolean vendorFailed = false;
    Optional<CompanyData> vendorData = Optional.empty();
    if (domain != null && vendor.isPresent() && account.map(a -> a.industry() == null || a.employees() == null).orElse(true)) {
      try {
        vendorData = vendor.get().lookup(domain);
      } catch (CompanyDataUnavailable e) {
        vendorFailed = true;
        notes.add("Company data vendor unavailable (" + e.getMessage() + "): company details partial");
      }
    }
    boolean zoneUnknown = location.map(l -> l.timeZones().isEmpty()).orElse(true);
    return new EnrichedLead(
        lead.leadId(),
        domain,
        country,
        location.map(PhoneLocation::region).orElse(null),
        location.map(PhoneLocation::timeZones).orElse(List.of()),
        zoneUnknown || vendorFailed,
        notes,
        location.map(PhoneLocation::e164).orElse(null),
        emailKind,
        title.role(),
        title.seniority(),
        student,
        jobSeeker,
        first(account.map(KnownAccount::name), vendorData.map(CompanyData::name), blankToNull(lead.company())),
        first(account.map(KnownAccount::industry), vendorData.map(CompanyData::industry), null),
        first(account.map(KnownAccount::employees), vendorData.map(CompanyData::employees), lead.companySize()),
        account.map(KnownAccount::id).orElse(null),
        account.map(KnownAccount::name).orElse(null),
        vendorFailed);
  }

  /** Without a business email, the company website the form gave names the company. */
  private static String websiteDomain(NewLead lead, List<String> notes) {
    String domain = EmailDomains.domainOfWebsite(lead.website());
    if (domain != null) {
      notes.add("Company domain " + domain + " from the website given");
    }
    return domain;
  }

  /** Without a phone to place the lead, the country the form stated (time zones stay unknown). */
  private static String statedCountry(NewLead lead, List<String> notes) {
    if (lead.country() == null || lead.country().isBlank()) {
      return null;
    }
    Optional<String> code = StatedCountry.isoCode(lead.country());
    notes.add(code.map(c -> "Country " + c + " as stated on the form").orElse("Stated country not recognized: " + lead.country().strip()));
    return code.orElse(null);
  }

  private static void noteEmail(EmailKind kind, List<String> notes) {
    if (kind == EmailKind.FREE_MAIL) {
      notes.add("Free-mail address: no company domain");
    } else if (kind == EmailKind.DISPOSABLE) {
      notes.add("Disposable email address: no company domain");
    } else if (kind == EmailKind.STUDENT) {
      notes.add("School or university address: no company domain");
    }
  }

  private static void notePhone(NewLead lead, Optional<PhoneLocation> location, List<String> notes) {
    if (!lead.hasPhone()) {
      notes.add("No phone: country and time zone unknown");
    } else if (location.isEmpty()) {
      notes.add("Phone is not a valid number: country and time zone unknown");
    } else if (location.get().timeZones().isEmpty()) {
      notes.add("Time zone of the phone is unknown");
    }
  }

  private static <T> T first(Optional<T> known, Optional<T> vendor, T stated) {
    return known.or(() -> vendor).orElse(stated);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
