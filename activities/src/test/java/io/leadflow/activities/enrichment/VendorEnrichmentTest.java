package io.leadflow.activities.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.EnrichedLead;
import io.leadflow.workflows.NewLead;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Enrichment with a company-data vendor behind WireMock and the lead store in PostgreSQL: what the
 * vendor adds, how its failures degrade to partial data, and what is kept with the lead.
 */
@SpringBootTest
class VendorEnrichmentTest {

  private static final String PATH = "/v2/companies/find";
  // Long enough that a first request on a loaded machine (cold JIT, CI beside other JVMs) is not
  // timed out and retried, which would break the exactly-once checks; the slow vendor takes 5 s.
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
  private static final WireMockServer vendor = new WireMockServer(options().dynamicPort());

  static {
    vendor.start();
  }

  @DynamicPropertySource
  static void vendorAtWireMock(DynamicPropertyRegistry properties) {
    properties.add("leadflow.enrichment.vendor.base-url", vendor::baseUrl);
    properties.add("leadflow.enrichment.vendor.api-key", () -> "vendor-key");
    properties.add("leadflow.enrichment.vendor.read-timeout", READ_TIMEOUT::toString);
    properties.add("leadflow.enrichment.vendor.backoff", () -> "10ms");
  }

  @Autowired EnrichmentActivitiesImpl enrichment;
  @Autowired LeadRepository leads;
  @Autowired JdbcClient jdbc;

  private final String company = "globex-" + UUID.randomUUID().toString().substring(0, 8) + ".test";

  @BeforeEach
  void reset() {
    vendor.resetAll();
  }

  @AfterEach
  void removeAccounts() {
    jdbc.sql("delete from account where id = :id").param("id", company).update();
  }

  @AfterAll
  static void stop() {
    vendor.stop();
  }

  private EnrichedLead enrich(String email) {
    Lead stored = StoredLeads.save(leads, email, null);
    NewLead lead = new NewLead(stored.id().toString(), "Sarah Kim", email, "+12125550100", "web", "demo", "VP Sales", "Globex", 40, null, null);
    return enrichment.enrich(lead);
  }

  private static String clearbit(String name, String industry, int employees) {
    return "{\"name\":\"" + name + "\",\"domain\":\"x\",\"category\":{\"sector\":\"IT\",\"industry\":\"" + industry
        + "\"},\"metrics\":{\"employees\":" + employees + ",\"raised\":null},\"geo\":{\"country\":\"US\"}}";
  }

  @Test
  void theVendorsFirmographicsFillTheLeadAndAreKeptWithIt() {
    vendor.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(clearbit("Globex Corporation", "Software", 1200))));

    EnrichedLead lead = enrich("sarah@" + company);

    assertThat(lead.companyName()).isEqualTo("Globex Corporation");
    assertThat(lead.industry()).isEqualTo("Software");
    assertThat(lead.employees()).isEqualTo(1200); // the vendor's count beats what the form said
    assertThat(lead.vendorFailed()).isFalse();
    assertThat(lead.partial()).isFalse();
    vendor.verify(
        1,
        getRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam("domain", equalTo(company))
            .withHeader("Authorization", equalTo("Bearer vendor-key")));
    Map<String, Object> stored =
        jdbc.sql("select * from lead_enrichment where lead_id = :id").param("id", UUID.fromString(lead.leadId())).query().singleRow();
    assertThat(stored)
        .containsEntry("company_domain", company)
        .containsEntry("company_name", "Globex Corporation")
        .containsEntry("industry", "Software")
        .containsEntry("employees", 1200)
        .containsEntry("email_kind", "BUSINESS")
        .containsEntry("seniority", "VP")
        .containsEntry("role", "sales")
        .containsEntry("e164", "+12125550100")
        .containsEntry("country", "US")
        .containsEntry("region", "NY")
        .containsEntry("vendor_failed", false);
  }

  @Test
  void aDomainTheVendorDoesNotKnowKeepsWhatTheFormSaid() {
    vendor.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)));

    EnrichedLead lead = enrich("sarah@" + company);

    assertThat(lead.companyName()).isEqualTo("Globex");
    assertThat(lead.employees()).isEqualTo(40);
    assertThat(lead.vendorFailed()).isFalse();
  }

  @Test
  void transientVendorErrorsAreRetried() {
    vendor.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("throttled"));
    vendor.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("throttled")
        .willReturn(aResponse().withStatus(429)).willSetStateTo("up"));
    vendor.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson(clearbit("Globex Corporation", "Software", 1200))));

    EnrichedLead lead = enrich("sarah@" + company);

    assertThat(lead.industry()).isEqualTo("Software");
    vendor.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aVendorThatKeepsFailingDegradesToPartialDataWithAFlag() {
    vendor.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

    EnrichedLead lead = enrich("sarah@" + company);

    assertThat(lead.vendorFailed()).isTrue();
    assertThat(lead.partial()).isTrue();
    assertThat(lead.companyName()).isEqualTo("Globex");
    assertThat(lead.timeZones()).containsExactly("America/New_York"); // the rest of enrichment stands
    assertThat(lead.notes()).contains("Company data vendor unavailable (HTTP 500 after 3 attempt(s)): company details partial");
    vendor.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
    assertThat(jdbc.sql("select vendor_failed from lead_enrichment where lead_id = :id").param("id", UUID.fromString(lead.leadId())).query(Boolean.class).single())
        .isTrue();
  }

  @Test
  void aSlowVendorIsCutOffAfterTheReadTimeoutOfEachAttempt() {
    vendor.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(clearbit("Late", "Software", 1)).withFixedDelay(5_000)));

    long started = System.nanoTime();
    EnrichedLead lead = enrich("sarah@" + company);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(lead.vendorFailed()).isTrue();
    assertThat(lead.notes()).anyMatch(n -> n.startsWith("Company data vendor unavailable (ResourceAccessException") && n.contains("after 3 attempt(s)"));
    assertThat(took).isLessThan(READ_TIMEOUT.multipliedBy(3).plusSeconds(3));
  }

  @Test
  void aRefusedKeyIsNotRetried() {
    vendor.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)));

    EnrichedLead lead = enrich("sarah@" + company);

    assertThat(lead.vendorFailed()).isTrue();
    assertThat(lead.notes()).contains("Company data vendor unavailable (HTTP 401 after 1 attempt(s)): company details partial");
    vendor.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aKnownAccountIsLinkedAndSparesTheVendorCall() {
    jdbc.sql("insert into account (id, name, industry, employees) values (:id, 'Globex (CRM)', 'Manufacturing', 900)").param("id", company).update();
    jdbc.sql("insert into account_domain (domain, account_id) values (:d, :d)").param("d", company).update();

    EnrichedLead lead = enrich("sarah@eu." + company);

    assertThat(lead.accountId()).isEqualTo(company);
    assertThat(lead.companyName()).isEqualTo("Globex (CRM)");
    assertThat(lead.industry()).isEqualTo("Manufacturing");
    assertThat(lead.employees()).isEqualTo(900);
    vendor.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
    assertThat(jdbc.sql("select account_id from lead_enrichment where lead_id = :id").param("id", UUID.fromString(lead.leadId())).query(String.class).single())
        .isEqualTo(company);
  }

  @Test
  void freeMailIsNeverSentToTheVendor() {
    EnrichedLead lead = enrich("sarah." + UUID.randomUUID() + "@gmail.com");

    assertThat(lead.companyDomain()).isNull();
    vendor.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
  }
}
