package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A form sends the consent the person gave; it is stored with the capture, shown on the lead, and
 * decides which channels the lead's workflow uses (calls and texts need it, email does not).
 */
class CaptureConsentTest extends ApiTest {

  private static final String SMS_CONSENT =
      "{\"channel\":\"SMS\",\"method\":\"CHECKBOX\",\"text\":\"I agree to receive texts from Acme. Reply STOP to stop.\","
          + "\"givenAt\":\"2026-12-01T09:14:00Z\",\"pageUrl\":\"https://acme.test/demo\",\"ip\":\"203.0.113.7\","
          + "\"userAgent\":\"Mozilla/5.0\"}";

  @Autowired JdbcClient jdbc;

  @Test
  void consentToTextsIsStoredWithTheCaptureAndOnlyCallsWithoutConsentAreNotContacted() {
    String leadId = capture(uniqueEmail(), uniquePhone(), "[" + SMS_CONSENT + "]");

    JsonNode lead = awaitNotes(leadId, "Not contacted by CALL");

    assertThat(lead.get("consents")).singleElement().satisfies(consent -> {
      assertThat(consent.get("channel").asString()).isEqualTo("SMS");
      assertThat(consent.get("method").asString()).isEqualTo("CHECKBOX");
      assertThat(consent.get("givenAt").asString()).isEqualTo("2026-12-01T09:14:00Z");
    });
    assertThat(channels(lead.get("live").get("notContactedBy"))).containsExactly("CALL");
    assertThat(jdbc.sql("select page_url, ip, user_agent from consent where lead_id = ?::uuid").param(leadId).query().singleRow())
        .containsEntry("page_url", "https://acme.test/demo")
        .containsEntry("ip", "203.0.113.7")
        .containsEntry("user_agent", "Mozilla/5.0");
  }

  @Test
  void withoutConsentAPhoneLeadIsNeitherCalledNorTextedAndSaysWhy() {
    String leadId = capture(uniqueEmail(), uniquePhone(), null);

    JsonNode lead = awaitNotes(leadId, "Not contacted by SMS: no prior express consent for SMS on record");

    assertThat(channels(lead.get("live").get("notContactedBy"))).containsExactly("CALL", "SMS");
    for (JsonNode touch : lead.get("touches")) {
      assertThat(touch.get("channel").asString()).isEqualTo("EMAIL");
    }
  }

  /** An opted-out-of-everything lead captured again is kept, not re-opened (CaptureRelay); this is the other way back. */
  @Test
  void aTextOptOutOutlivesTheLeadsCloseAndHoldsInTheRoundARecaptureOpens() {
    String email = uniqueEmail();
    String phone = uniquePhone();
    String leadId = leadOf(post("/api/v1/leads", INGEST, consentingLeadJson(email, phone)));
    awaitStatus(leadId, "AWAITING_ACK");
    assertThat(post("/api/v1/leads/" + leadId + "/opt-out", ANA, "{\"channel\":\"SMS\"}").statusCode()).isEqualTo(202);
    assertThat(post("/api/v1/leads/" + leadId + "/disqualify", ANA, "{\"reason\":\"not now\"}").statusCode()).isEqualTo(202);
    awaitStatus(leadId, "DISQUALIFIED");

    assertThat(leadOf(post("/api/v1/leads", INGEST, consentingLeadJson(email, phone)))).isEqualTo(leadId);

    JsonNode lead = awaitNotes(leadId, "Not contacted by SMS: suppressed: the person opted out of SMS");
    assertThat(channels(lead.get("live").get("notContactedBy"))).containsExactly("SMS");
    awaitStatus(leadId, "AWAITING_ACK"); // routed again; the new round's instant reply had its turn
    List<String> secondRound = new ArrayList<>();
    body(get("/api/v1/leads/" + leadId, ADMIN)).get("touches").forEach(touch -> {
      if (touch.get("step").asString().startsWith("r2-")) {
        secondRound.add(touch.get("channel").asString());
      }
    });
    assertThat(secondRound).contains("EMAIL").doesNotContain("SMS");
  }

  private void awaitStatus(String leadId, String status) {
    await().atMost(Duration.ofSeconds(20))
        .until(() -> status.equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"channel\":\"SMS\",\"method\":\"CHECKBOX\",\"text\":\"ok\"}|no phone",
    "{\"channel\":\"SMS\",\"method\":\"VOUCHED\",\"text\":\"ok\"}|vouched",
    "{\"channel\":\"TASK\",\"method\":\"CHECKBOX\",\"text\":\"ok\"}|task",
    "{\"channel\":\"SMS\",\"method\":\"CHECKBOX\",\"text\":\" \"}|blank text",
    "{\"channel\":\"SMS\",\"method\":\"CHECKBOX\",\"text\":\"ok\",\"givenAt\":\"2099-01-01T00:00:00Z\"}|future",
    "{\"channel\":\"SMS\",\"method\":\"CHECKBOX\",\"text\":\"ok\",\"ip\":\"<script>\"}|ip",
    "{\"channel\":\"FAX\",\"method\":\"CHECKBOX\",\"text\":\"ok\"}|channel"
  })
  void malformedConsentIsA400AndNothingIsStored(String caseAndName) {
    String consent = caseAndName.substring(0, caseAndName.lastIndexOf('|'));
    String email = uniqueEmail();
    String phone = caseAndName.endsWith("|no phone") ? null : uniquePhone();

    HttpResponse<String> response = post("/api/v1/leads", INGEST, json(email, phone, "[" + consent + "]"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(jdbc.sql("select count(*) from lead where email = ?").param(email).query(Long.class).single()).isZero();
  }

  private String capture(String email, String phone, String consent) {
    HttpResponse<String> response = post("/api/v1/leads", INGEST, json(email, phone, consent));
    assertThat(response.statusCode()).isEqualTo(202);
    return leadOf(response);
  }

  private JsonNode awaitNotes(String leadId, String note) {
    return await().atMost(Duration.ofSeconds(20)).until(
        () -> body(get("/api/v1/leads/" + leadId, ADMIN)),
        lead -> lead.get("live") != null && !lead.get("live").isNull()
            && lead.get("live").get("notes").toString().contains(note));
  }

  private static List<String> channels(JsonNode blocked) {
    List<String> channels = new ArrayList<>();
    blocked.forEach(b -> channels.add(b.get("channel").asString()));
    return channels;
  }

  private static String json(String email, String phone, String consent) {
    String lead = leadJson(email, phone);
    return consent == null ? lead : lead.substring(0, lead.length() - 1) + ",\"consent\":" + consent + "}";
  }
}
