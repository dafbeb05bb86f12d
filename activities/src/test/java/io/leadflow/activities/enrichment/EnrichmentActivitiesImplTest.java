package io.leadflow.activities.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.workflows.EmailKind;
import io.leadflow.workflows.EnrichedLead;
import io.leadflow.workflows.NewLead;
import io.leadflow.workflows.Seniority;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Built-in enrichment, no database and no vendor: the table-driven cases of the engines issue. */
class EnrichmentActivitiesImplTest {

  private static final KnownAccount ACME = new KnownAccount("acme", "Acme Corp", "Software", 850);

  private final Enricher enricher = new Enricher("US", EnrichmentActivitiesImplTest::accounts, Optional.empty());

  private static Optional<KnownAccount> accounts(String domain) {
    // As the database does: the domain or a parent of it.
    return EmailDomains.withParents(domain).stream().map(d -> Map.of("acme.test", ACME).get(d)).filter(Objects::nonNull).findFirst();
  }

  private EnrichedLead enrich(String email, String phone) {
    return enricher.enrich(new NewLead("l-1", "Sarah Kim", email, phone, "web", "demo"));
  }

  private EnrichedLead enrichTitled(String title, String interest) {
    return enricher.enrich(
        new NewLead("l-1", "Sarah Kim", "sarah@globex.test", null, "web", interest, title, null, null, null, null));
  }

  @ParameterizedTest(name = "{0} → {1} {2} {3}")
  @CsvSource({
    "+1 212 555 0100,   +12125550100,  US, NY, America/New_York",
    "(305) 555-0100,    +13055550100,  US, FL, America/New_York",
    "+1 206 555 0100,   +12065550100,  US, WA, America/Los_Angeles",
    "+1 405 555 0100,   +14055550100,  US, OK, America/Chicago",
    "+1 415 555 0100,   +14155550100,  US, CA, America/Los_Angeles",
    "+1 202 555 0100,   +12025550100,  US, DC, America/New_York",
    "+44 20 7946 0958,  +442079460958, GB, ,   Europe/London",
    "+49 30 901820,     +4930901820,   DE, ,   Europe/Berlin",
    "+33 1 42 68 53 00, +33142685300,  FR, ,   Europe/Paris",
    "+81 3-3224-9999,   +81332249999,  JP, ,   Asia/Tokyo",
    "+61 2 9374 4000,   +61293744000,  AU, ,   Australia/Sydney",
    "+55 11 3111-2222,  +551131112222, BR, ,   America/Sao_Paulo",
  })
  void countryRegionZoneAndE164ComeFromThePhone(String phone, String e164, String country, String region, String zone) {
    EnrichedLead lead = enrich("sarah@acme.test", phone);

    assertThat(lead.e164()).isEqualTo(e164);
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

  @ParameterizedTest(name = "{0} → {1} and {2}")
  @CsvSource({
    "+1 907 555 0100, AK, America/Anchorage, America/Adak",
    "+7 495 123 4567, ,   Europe/Moscow,     ",
  })
  void aPlaceSpanningZonesKeepsEachOfThem(String phone, String region, String zone, String otherZone) {
    EnrichedLead lead = enrich("sarah@acme.test", phone);

    assertThat(lead.region()).isEqualTo(region);
    if (otherZone == null) {
      assertThat(lead.timeZones()).containsExactly(zone);
    } else {
      assertThat(lead.timeZones()).containsExactlyInAnyOrder(zone, otherZone);
    }
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({
    "+1 555,           Phone is not a valid number: country and time zone unknown",
    "+1 212 555 01,    Phone is not a valid number: country and time zone unknown",
    "+44 20 1234,      Phone is not a valid number: country and time zone unknown",
    "not a phone,      Phone is not a valid number: country and time zone unknown",
    "'',               No phone: country and time zone unknown",
  })
  void anInvalidOrMissingPhoneLeavesTheZoneUnknownAndSaysSo(String phone, String note) {
    EnrichedLead lead = enrich("sarah@acme.test", phone);

    assertThat(lead.e164()).isNull();
    assertThat(lead.country()).isNull();
    assertThat(lead.timeZones()).isEmpty();
    assertThat(lead.partial()).isTrue();
    assertThat(lead.notes()).contains(note);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "sarah@Acme.Test,              BUSINESS,   acme.test",
    "sarah@eu.globex.test,         BUSINESS,   eu.globex.test",
    "sarah.kim@gmail.com,          FREE_MAIL,  ",
    "sarah@Yahoo.COM,              FREE_MAIL,  ",
    "sarah@proton.me,              FREE_MAIL,  ",
    "sarah@web.de,                 FREE_MAIL,  ",
    "sarah@mailinator.com,         DISPOSABLE, ",
    "sarah@eu.10minutemail.com,    DISPOSABLE, ",
    "sarah@yopmail.fr,             DISPOSABLE, ",
    "sarah@mit.edu,                STUDENT,    ",
    "sarah@cs.stanford.edu,        STUDENT,    ",
    "sarah@ox.ac.uk,               STUDENT,    ",
    "sarah@unimelb.edu.au,         STUDENT,    ",
    "sarah@student.uni-example.de, STUDENT,    ",
    "sarah@mytum.tum.de,           STUDENT,    ",
    "sarah@ethz.ch,                STUDENT,    ",
  })
  void theEmailSaysWhatKindOfAddressItIsAndOnlyABusinessHasACompanyDomain(String email, EmailKind kind, String domain) {
    EnrichedLead lead = enrich(email, "+1 212 555 0100");

    assertThat(lead.emailKind()).isEqualTo(kind);
    assertThat(lead.companyDomain()).isEqualTo(domain);
    assertThat(lead.student()).isEqualTo(kind == EmailKind.STUDENT);
  }

  @ParameterizedTest(name = "\"{0}\" → {1}, {2}")
  @CsvSource({
    "Chief Executive Officer,         C_LEVEL,    ",
    "CEO & Co-Founder,                C_LEVEL,    executive",
    "CTO,                             C_LEVEL,    engineering",
    "Chief Marketing Officer,         C_LEVEL,    marketing",
    "Managing Director,               C_LEVEL,    executive",
    "VP of Marketing,                 VP,         marketing",
    "Senior Vice President Sales,     VP,         sales",
    "Director of Engineering,         DIRECTOR,   engineering",
    "Head of IT,                      DIRECTOR,   it",
    "Finance Manager,                 MANAGER,    finance",
    "Team Lead Customer Success,      MANAGER,    customer success",
    "Senior Software Engineer,        INDIVIDUAL, engineering",
    "Accountant,                      INDIVIDUAL, finance",
    "Marketing Intern,                ENTRY,      marketing",
    "Student,                         ENTRY,      ",
  })
  void roleAndSeniorityComeFromTheTitle(String title, Seniority seniority, String role) {
    EnrichedLead lead = enrichTitled(title, "demo");

    assertThat(lead.seniority()).isEqualTo(seniority);
    assertThat(lead.role()).isEqualTo(role);
  }

  @Test
  void noTitleMeansNoRoleOrSeniority() {
    EnrichedLead lead = enrichTitled(null, "demo");

    assertThat(lead.seniority()).isNull();
    assertThat(lead.role()).isNull();
    assertThat(lead.student()).isFalse();
    assertThat(lead.jobSeeker()).isFalse();
  }

  @ParameterizedTest(name = "title \"{0}\", interest \"{1}\" → student {2}, job seeker {3}")
  @CsvSource({
    "MBA Student,             pricing,                              true,  false",
    "PhD candidate,           demo,                                 true,  false",
    "Student Success Manager, demo,                                 false, false",
    "Open to work,            demo,                                 false, true",
    "Sales Manager,           looking for a job in your sales team, false, true",
    "Designer,                please find my CV attached,           false, true",
    "Head of Talent,          hiring software for our team,         false, false",
  })
  void studentsAndJobSeekersAreRecognised(String title, String interest, boolean student, boolean jobSeeker) {
    EnrichedLead lead = enrichTitled(title, interest);

    assertThat(lead.student()).isEqualTo(student);
    assertThat(lead.jobSeeker()).isEqualTo(jobSeeker);
  }

  @Test
  void aLeadWhoseDomainBelongsToAKnownAccountIsLinkedWithItsFirmographics() {
    EnrichedLead direct = enrich("sarah@acme.test", null);
    EnrichedLead subdomain = enrich("sarah@eu.acme.test", null);
    EnrichedLead stranger = enrich("sarah@globex.test", null);

    assertThat(direct.accountId()).isEqualTo("acme");
    assertThat(direct.accountName()).isEqualTo("Acme Corp");
    assertThat(direct.companyName()).isEqualTo("Acme Corp");
    assertThat(direct.industry()).isEqualTo("Software");
    assertThat(direct.employees()).isEqualTo(850);
    assertThat(direct.notes()).contains("Known account Acme Corp (acme.test)");
    assertThat(subdomain.accountId()).isEqualTo("acme");
    assertThat(stranger.accountId()).isNull();
  }

  @Test
  void whatTheFormSaidFillsCompanyDetailsNobodyElseKnows() {
    NewLead lead = new NewLead("l-1", "Max", "max@globex.test", null, "web", "demo", "CTO", " Globex ", 120, "asap", null);

    EnrichedLead enriched = enricher.enrich(lead);

    assertThat(enriched.companyName()).isEqualTo("Globex");
    assertThat(enriched.employees()).isEqualTo(120);
    assertThat(enriched.industry()).isNull();
  }

  @Test
  void aNationalNumberIsReadInTheConfiguredDefaultRegion() {
    EnrichedLead german =
        new Enricher("DE", domain -> Optional.empty(), Optional.empty())
            .enrich(new NewLead("l-1", "Max", "max@firma.test", "030 901820", "web", "demo"));

    assertThat(german.country()).isEqualTo("DE");
    assertThat(german.e164()).isEqualTo("+4930901820");
    assertThat(german.timeZones()).containsExactly("Europe/Berlin");
    assertThat(german.notes()).isEqualTo(List.of());
  }
}
