package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TemplateAdminTest extends ApiTest {

  private static final String PATH = "/api/v1/admin/templates";

  private final String name = "promo-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void savingATemplateAddsAVersionListedWithTheOthers() {
    JsonNode first = body(post(PATH + "/" + name, ADMIN, sms("Hi {{firstName}}, news from {{repName}}. Reply STOP to opt out.")));
    JsonNode second = body(post(PATH + "/" + name, ADMIN, email("News for {{company}}", "Hi {{firstName}}")));
    JsonNode third = body(post(PATH + "/" + name, ADMIN, sms("{{firstName}}: news. Reply STOP to opt out.")));

    assertThat(first.get("template").get("version").asInt()).isEqualTo(1);
    assertThat(second.get("template").get("version").asInt()).isEqualTo(1);
    assertThat(second.get("template").get("channel").asString()).isEqualTo("EMAIL");
    assertThat(third.get("template").get("version").asInt()).isEqualTo(2);
    JsonNode versions = body(get(PATH + "/" + name, ADMIN));
    assertThat(versions.valueStream().map(v -> v.get("channel").asString() + v.get("version").asInt()).toList())
        .containsExactly("SMS1", "SMS2", "EMAIL1");
    JsonNode newest = body(get(PATH, ADMIN));
    assertThat(newest.valueStream().filter(t -> t.get("name").asString().equals(name) && t.get("channel").asString().equals("SMS")))
        .singleElement()
        .satisfies(t -> assertThat(t.get("text").asString()).isEqualTo("{{firstName}}: news. Reply STOP to opt out."));
  }

  @Test
  void theBuiltInTemplatesAreListedAsVersionOne() {
    JsonNode versions = body(get(PATH + "/nurture", ADMIN));

    assertThat(versions.get(0).get("channel").asString()).isEqualTo("EMAIL");
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
    assertThat(versions.get(0).get("subject").asString()).isEqualTo("News you can use");
    assertThat(body(get(PATH, ADMIN)).valueStream().anyMatch(t -> t.get("name").asString().equals("d1-intro"))).isTrue();
    assertThat(get(PATH + "/no-such-template", ADMIN).statusCode()).isEqualTo(404);
  }

  @Test
  void theFirstEditOfABuiltInTemplateKeepsTheBuiltInAsVersionOne() {
    JsonNode builtIn = body(get(PATH + "/nurture", ADMIN)).get(0);
    // The same words again: what other tests send from this template stays as it was.
    String same =
        "{\"channel\":\"EMAIL\",\"subject\":" + builtIn.get("subject") + ",\"text\":" + builtIn.get("text") + "}";

    JsonNode saved = body(post(PATH + "/nurture", ADMIN, same));

    JsonNode versions = body(get(PATH + "/nurture", ADMIN));
    assertThat(saved.get("template").get("version").asInt()).isEqualTo(versions.size()).isGreaterThanOrEqualTo(2);
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
    assertThat(versions.get(0).get("builtIn").asBoolean()).isFalse();
    assertThat(versions.get(0).get("text").asString()).isEqualTo(builtIn.get("text").asString());
  }

  @Test
  void anUnknownPlaceholderIsRefusedWithItsLineAndColumnAndSavesNothing() {
    HttpResponse<String> response = post(PATH + "/" + name, ADMIN, email("Hello", "Hi {{firstName}},\\n\\nAbout {{compnay}}."));

    assertThat(Problems.assertInvalid(response, "text")).startsWith("line 3, column 7: unknown placeholder 'compnay'");
    assertThat(body(response).get("line").asInt()).isEqualTo(3);
    assertThat(body(response).get("column").asInt()).isEqualTo(7);
    assertThat(get(PATH + "/" + name, ADMIN).statusCode()).isEqualTo(404);
  }

  @Test
  void aSyntaxErrorIsRefusedWithItsLineAndColumn() {
    HttpResponse<String> response =
        post(PATH + "/" + name, ADMIN, "{\"channel\":\"EMAIL\",\"subject\":\"Hi {{#company}}{{company}}\",\"text\":\"x\"}");

    assertThat(Problems.assertInvalid(response, "subject"))
        .isEqualTo("line 1, column 4: section 'company' is never closed with {{/company}}");
  }

  @Test
  void aTextsLengthIsMeasuredInSegmentsAndOneOverTenSegmentsIsRefused() {
    JsonNode gsm = body(post(PATH + "/" + name, ADMIN, sms("a".repeat(161))));
    JsonNode ucs2 = body(post(PATH + "/" + name, ADMIN, sms("Hi {{firstName}} \uD83D\uDC4B")));
    HttpResponse<String> tooLong = post(PATH + "/" + name, ADMIN, sms("a".repeat(1531)));

    assertThat(gsm.get("length").get("encoding").asString()).isEqualTo("GSM-7");
    assertThat(gsm.get("length").get("characters").asInt()).isEqualTo(161);
    assertThat(gsm.get("length").get("segments").asInt()).isEqualTo(2);
    assertThat(ucs2.get("length").get("encoding").asString()).isEqualTo("UCS-2");
    assertThat(ucs2.get("length").get("characters").asInt()).isEqualTo("Hi Sarah ".length() + 2);
    assertThat(ucs2.get("length").get("segments").asInt()).isEqualTo(1);
    assertThat(Problems.assertInvalid(tooLong, "text")).contains("1531 characters, 11 segments");
  }

  @Test
  void onlyAdminsManageTemplatesAndMisshapenOnesAreProblems() {
    assertThat(post(PATH + "/" + name, MANAGER, sms("Hi")).statusCode()).isEqualTo(403);
    assertThat(post(PATH + "/Bad%20Name", ADMIN, sms("Hi")).statusCode()).isEqualTo(400);
    assertThat(Problems.assertInvalid(post(PATH + "/" + name, ADMIN, "{\"channel\":\"CALL\",\"text\":\"Hi\"}"), "channel"))
        .isEqualTo("must be SMS or EMAIL");
    assertThat(Problems.assertInvalid(post(PATH + "/" + name, ADMIN, "{\"channel\":\"EMAIL\",\"text\":\"Hi\"}"), "subject"))
        .isEqualTo("an email needs a subject; a text has neither subject nor html");
    assertThat(post(PATH + "/" + name, ADMIN, "{\"channel\":\"SMS\",\"subject\":\"S\",\"text\":\"Hi\"}").statusCode()).isEqualTo(400);
    assertThat(Problems.assertInvalid(post(PATH + "/" + name, ADMIN, "{\"channel\":\"EMAIL\",\"subject\":\"S\",\"html\":\"<p>{{{company}}}</p>\",\"text\":\"x\"}"), "html"))
        .startsWith("line 1, column 4: HTML escapes every value");
  }

  @Test
  void aPreviewRendersTheChosenVersionWithSampleValuesAsItWouldBeSent() {
    assertThat(post(PATH + "/" + name, ADMIN, sms("Hi {{firstName}}, {{repName}} of {{company}}. Reply STOP to opt out.")).statusCode())
        .isEqualTo(201);
    assertThat(post(PATH + "/" + name, ADMIN, sms("{{firstName}} \uD83D\uDC4B")).statusCode()).isEqualTo(201);
    assertThat(post(PATH + "/" + name, ADMIN, email("News for {{company}}", "Hi {{firstName}},\\n\\nBook: {{bookingLink}}")).statusCode())
        .isEqualTo(201);

    HttpResponse<String> firstResponse = post(PATH + "/" + name + "/preview", MANAGER, "{\"channel\":\"SMS\",\"version\":1}");
    assertThat(firstResponse.statusCode()).as(firstResponse.body()).isEqualTo(200);
    JsonNode first = body(firstResponse);
    JsonNode newest = body(post(PATH + "/" + name + "/preview", ADMIN, "{\"channel\":\"SMS\"}"));
    JsonNode mail = body(post(PATH + "/" + name + "/preview", ADMIN, "{\"channel\":\"EMAIL\"}"));

    assertThat(first.get("text").asString()).isEqualTo("Hi Sarah, Ana Ruiz of Acme Corp. Reply STOP to opt out.");
    assertThat(first.get("length").get("segments").asInt()).isEqualTo(1);
    assertThat(newest.get("templateVersion").asInt()).isEqualTo(2);
    assertThat(newest.get("length").get("encoding").asString()).isEqualTo("UCS-2");
    assertThat(mail.get("subject").asString()).isEqualTo("News for Acme Corp");
    assertThat(mail.get("html").asString()).startsWith("<p>Hi Sarah,</p><p>Book: <a href=\"https://calendly.com/");
    assertThat(post(PATH + "/" + name + "/preview", ADMIN, "{\"channel\":\"SMS\",\"version\":9}").statusCode()).isEqualTo(404);
  }

  private static String sms(String text) {
    return "{\"channel\":\"SMS\",\"text\":\"" + text + "\"}";
  }

  private static String email(String subject, String text) {
    return "{\"channel\":\"EMAIL\",\"subject\":\"" + subject + "\",\"text\":\"" + text + "\"}";
  }
}
