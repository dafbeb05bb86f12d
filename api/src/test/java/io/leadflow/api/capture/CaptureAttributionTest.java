package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A form sends where the person came from: the landing page, the referrer and the ad click ids.
 * Each capture keeps its own, the lead shows them per capture with its first- and last-touch
 * capture, and what is not an http(s) page or a click id is refused, naming the field.
 */
class CaptureAttributionTest extends ApiTest {

  @Autowired JdbcClient jdbc;

  @Test
  void eachCaptureKeepsItsAttributionAndTheLeadShowsItsFirstAndLastTouchCaptures() {
    String email = uniqueEmail();
    String leadId = leadOf(post("/api/v1/leads", INGEST, capture(email, "ads",
        "\"utmSource\":\"google\",\"utmCampaign\":\"q4-demo\",\"landingPage\":\"https://acme.test/demo?gclid=Cj0KCQiA-x_Y\","
            + "\"referrer\":\"https://www.google.com/\",\"gclid\":\"Cj0KCQiA-x_Y\"")));
    post("/api/v1/leads", INGEST, capture(email, "webinar",
        "\"utmCampaign\":\"spring-webinar\",\"landingPage\":\"http://acme.test/webinar\",\"fbclid\":\"IwAR2xY_z-9\","
            + "\"liFatId\":\"0b5e6a9c-3b1f-4a8e-9d1c-7f2a5b3c4d5e\",\"gclid\":\"\""));

    JsonNode lead = body(get("/api/v1/leads/" + leadId, ADMIN));

    JsonNode first = lead.get("captures").get(0);
    assertThat(first.get("source").asString()).isEqualTo("ads");
    assertThat(first.get("utm").get("campaign").asString()).isEqualTo("q4-demo");
    assertThat(first.get("attribution").get("landingPage").asString()).isEqualTo("https://acme.test/demo?gclid=Cj0KCQiA-x_Y");
    assertThat(first.get("attribution").get("referrer").asString()).isEqualTo("https://www.google.com/");
    assertThat(first.get("attribution").get("gclid").asString()).isEqualTo("Cj0KCQiA-x_Y");
    assertThat(first.get("attribution").get("fbclid").isNull()).isTrue();
    JsonNode second = lead.get("captures").get(1);
    assertThat(second.get("attribution").get("landingPage").asString()).isEqualTo("http://acme.test/webinar");
    assertThat(second.get("attribution").get("referrer").isNull()).isTrue();
    assertThat(second.get("attribution").get("gclid").isNull()).as("a blank hidden field is absent").isTrue();
    assertThat(second.get("attribution").get("fbclid").asString()).isEqualTo("IwAR2xY_z-9");
    assertThat(second.get("attribution").get("liFatId").asString()).isEqualTo("0b5e6a9c-3b1f-4a8e-9d1c-7f2a5b3c4d5e");
    assertThat(lead.get("firstTouchCapture")).isEqualTo(first);
    assertThat(lead.get("lastTouchCapture")).isEqualTo(second);
    assertThat(jdbc.sql("select count(*) from lead_capture where lead_id = ?::uuid and gclid = 'Cj0KCQiA-x_Y'")
            .param(leadId).query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void aCaptureWithoutAttributionShowsNone() {
    String leadId = leadOf(post("/api/v1/leads", INGEST,
        capture(uniqueEmail(), "web", "\"landingPage\":\"\",\"referrer\":\"\",\"gclid\":\"\"")));

    JsonNode lead = body(get("/api/v1/leads/" + leadId, ADMIN));

    assertThat(lead.get("captures").get(0).get("attribution").isNull()).isTrue();
    assertThat(lead.get("firstTouchCapture").get("source").asString()).isEqualTo("web");
    assertThat(lead.get("lastTouchCapture")).isEqualTo(lead.get("firstTouchCapture"));
  }

  /** A capture after the meeting was booked did not bring the lead to it: the last-touch capture stays the one before. */
  @Test
  void theLastTouchCaptureIsTheLatestCaptureBeforeTheMeetingWasBooked() {
    String email = uniqueEmail();
    String leadId = leadOf(post("/api/v1/leads", INGEST, capture(email, "ads", "\"utmCampaign\":\"q4-demo\"")));
    post("/api/v1/leads", INGEST, capture(email, "webinar", "\"utmCampaign\":\"spring-webinar\""));
    // Routed to ana (the workflow is running, whether she is still to acknowledge or the cadence began).
    await().atMost(Duration.ofSeconds(60))
        .until(() -> "ana".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("assignedRep").asString(null)));
    assertThat(post("/api/v1/leads/" + leadId + "/meeting", ANA, "{\"at\":\"2030-01-01T10:00:00Z\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60))
        .until(() -> jdbc.sql("select meeting_booked_at is not null from lead where id = ?::uuid")
            .param(leadId).query(Boolean.class).single());

    post("/api/v1/leads", INGEST, capture(email, "partner-feed", "\"utmCampaign\":\"partner-q4\""));

    JsonNode lead = body(get("/api/v1/leads/" + leadId, ADMIN));
    assertThat(lead.get("captures")).hasSize(3);
    assertThat(lead.get("firstTouchCapture").get("source").asString()).isEqualTo("ads");
    assertThat(lead.get("lastTouchCapture").get("source").asString()).isEqualTo("webinar");
    assertThat(lead.get("lastTouchCapture").get("utm").get("campaign").asString()).isEqualTo("spring-webinar");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      quoteCharacter = '\'',
      value = {
        "landingPage, javascript:alert(1), http or https URL",
        "landingPage, ftp://acme.test/demo, http or https URL",
        "landingPage, acme.test/demo, http or https URL",
        "landingPage, https://, http or https URL",
        "landingPage, ' https://acme.test/demo', http or https URL",
        "referrer, android-app://com.google.android.gm/, http or https URL",
        "referrer, https://acme.test/a b, http or https URL",
        "gclid, abc<script>, letters, digits",
        "fbclid, 'IwAR 2x', letters, digits",
        "liFatId, id%2Fencoded, letters, digits"
      })
  void attributionThatIsNotAPageOrAClickIdIsRefusedNamingTheFieldAndNothingIsStored(String field, String value, String why) {
    String email = uniqueEmail();

    HttpResponse<String> refused = post("/api/v1/leads", INGEST, capture(email, "ads", "\"" + field + "\":\"" + value + "\""));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(body(refused).get("errors").get(field).asString()).contains(why);
    assertThat(jdbc.sql("select count(*) from lead where email = ?").param(email).query(Long.class).single()).isZero();
  }

  @Test
  void aLandingPageOverTwoThousandCharactersIsRefused() {
    String page = "https://acme.test/demo?q=" + "x".repeat(2000);

    HttpResponse<String> refused = post("/api/v1/leads", INGEST, capture(uniqueEmail(), "ads", "\"landingPage\":\"" + page + "\""));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(body(refused).get("errors").has("landingPage")).isTrue();
  }

  private static String capture(String email, String source, String attribution) {
    return "{\"name\":\"Sarah Kim\",\"email\":\"" + email + "\",\"source\":\"" + source + "\",\"interest\":\"demo request\","
        + attribution + "}";
  }
}
