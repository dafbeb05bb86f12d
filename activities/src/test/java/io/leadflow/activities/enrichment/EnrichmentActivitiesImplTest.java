package io.leadflow.activities.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.workflows.EnrichedLead;
import io.leadflow.workflows.NewLead;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EnrichmentActivitiesImplTest {

  private final EnrichmentActivitiesImpl enrichment = new EnrichmentActivitiesImpl("US");

  private EnrichedLead enrich(String email, String phone) {
    return enrichment.enrich(new NewLead("l-1", "Sarah Kim", email, phone, "web", "demo"));
  }

  @ParameterizedTest(name = "{0} → {1} {2} {3}")
  @CsvSource({
    "+1 212 555 0100,   US, NY, America/New_York",
    "(305) 555-0100,    US, FL, America/New_York",
    "+1 206 555 0100,   US, WA, America/Los_Angeles",
    "+1 405 555 0100,   US, OK, America/Chicago",
    "+1 415 555 0100,   US, CA, America/Los_Angeles",
    "+1 202 555 0100,   US, DC, America/New_York",
    "+44 20 7946 0958,  GB, ,   Europe/London",
    "+49 30 901820,     DE, ,   Europe/Berlin",
  })
  void countryRegionAndTimeZoneComeFromThePhone(String phone, String country, String region, String zone) {
    EnrichedLead lead = enrich("sarah@acme.test", phone);

    assertThat(lead.country()).isEqualTo(country);
    assertThat(lead.region()).isEqualTo(region);
    assertThat(lead.timeZones()).containsExactly(zone);
    assertThat(lead.partial()).isFalse();
  }

  @Test
  void aNumberWhosePrefixSpansSeveralZonesKeepsThemAll() {
    // Country-wide toll-free numbers cannot be placed in one zone.
    EnrichedLead lead = enrich("sarah@acme.test", "+1 800 555 0100");

    assertThat(lead.timeZones()).hasSizeGreaterThan(1).contains("America/New_York", "America/Los_Angeles");
    assertThat(lead.partial()).isFalse();
  }

  @Test
  void aStateSpanningTwoZonesKeepsBoth() {
    EnrichedLead lead = enrich("sarah@acme.test", "+1 907 555 0100");

    assertThat(lead.region()).isEqualTo("AK");
    assertThat(lead.timeZones()).containsExactlyInAnyOrder("America/Anchorage", "America/Adak");
  }

  @Test
  void anInvalidOrMissingPhoneLeavesTheZoneUnknownAndSaysSo() {
    EnrichedLead invalid = enrich("sarah@acme.test", "+1 555");
    EnrichedLead missing = enrich("sarah@acme.test", null);

    assertThat(invalid.timeZones()).isEmpty();
    assertThat(invalid.partial()).isTrue();
    assertThat(invalid.notes()).containsExactly("Phone is not a valid number: country and time zone unknown");
    assertThat(missing.timeZones()).isEmpty();
    assertThat(missing.notes()).containsExactly("No phone: country and time zone unknown");
  }

  @Test
  void theCompanyDomainComesFromABusinessEmailOnly() {
    assertThat(enrich("Sarah@Acme.Test", "+1 212 555 0100").companyDomain()).isEqualTo("acme.test");
    EnrichedLead freeMail = enrich("sarah.kim@gmail.com", "+1 212 555 0100");
    assertThat(freeMail.companyDomain()).isNull();
    assertThat(freeMail.notes()).isEqualTo(List.of("Free-mail address: no company domain"));
  }

  @ParameterizedTest
  @CsvSource({"sarah@Yahoo.COM", "sarah@proton.me", "sarah@outlook.com", "sarah@gmx.com", "sarah@icloud.com"})
  void freeMailDomainsAreNeverACompany(String email) {
    assertThat(enrich(email, "+1 212 555 0100").companyDomain()).isNull();
  }

  @Test
  void aNationalNumberIsReadInTheConfiguredDefaultRegion() {
    EnrichedLead german =
        new EnrichmentActivitiesImpl("DE").enrich(new NewLead("l-1", "Max", "max@firma.test", "030 901820", "web", "demo"));

    assertThat(german.country()).isEqualTo("DE");
    assertThat(german.timeZones()).containsExactly("Europe/Berlin");
  }
}
