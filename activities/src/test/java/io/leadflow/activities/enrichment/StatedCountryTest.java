package io.leadflow.activities.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.workflows.EnrichedLead;
import io.leadflow.workflows.NewLead;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a form says about where the person is and which company they are with, when email and phone do not say it. */
class StatedCountryTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({"de, DE", "DEU, DE", "Germany, DE", " united  states , US", "USA, US", "U.K., GB", "United Kingdom, GB", "fr, FR"})
  void aCountryIsReadAsACodeOrAnEnglishName(String stated, String code) {
    assertThat(StatedCountry.isoCode(stated)).hasValue(code);
  }

  @Test
  void anythingElseIsNoCountry() {
    assertThat(StatedCountry.isoCode("Atlantis")).isEmpty();
    assertThat(StatedCountry.isoCode(" ")).isEmpty();
    assertThat(StatedCountry.isoCode(null)).isEmpty();
  }

  @Test
  void aWebsiteNamesACompanyUnlessItIsAFreeMailOrSchoolDomain() {
    assertThat(EmailDomains.domainOfWebsite("https://www.acme.com/about?x=1")).isEqualTo("acme.com");
    assertThat(EmailDomains.domainOfWebsite("eu.acme.com")).isEqualTo("eu.acme.com");
    assertThat(EmailDomains.domainOfWebsite("gmail.com")).isNull();
    assertThat(EmailDomains.domainOfWebsite("www.mit.edu")).isNull();
    assertThat(EmailDomains.domainOfWebsite("not a website")).isNull();
  }

  @Test
  void thePhonesCountryBeatsTheStatedOneAndWithoutAPhoneTheStatedOneIsTheLeads() {
    Enricher enricher = new Enricher("US", domain -> Optional.empty(), Optional.empty());
    NewLead withPhone = lead("+12125550100", "Germany");
    NewLead withoutPhone = lead(null, "Germany");

    EnrichedLead placedByPhone = enricher.enrich(withPhone);
    EnrichedLead placedByForm = enricher.enrich(withoutPhone);

    assertThat(placedByPhone.country()).isEqualTo("US");
    assertThat(placedByForm.country()).isEqualTo("DE");
    assertThat(placedByForm.notes()).contains("Country DE as stated on the form");
    assertThat(placedByForm.companyDomain()).isEqualTo("widgets.test");
  }

  private static NewLead lead(String phone, String country) {
    return new NewLead(
        "lead-1", "Sarah Kim", "sarah@gmail.com", phone, "web", "demo", null, null, null, null, null,
        country, "https://www.widgets.test", null);
  }
}
