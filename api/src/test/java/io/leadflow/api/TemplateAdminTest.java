package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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

  /** Issue 20: a first text carries the opt-out hint, so a text is measured with it too and refused when that is too long. */
  @Test
  void aTextIsMeasuredWithAndWithoutTheOptOutHintAFirstTextCarries() {
    JsonNode fits = body(post(PATH + "/" + name, ADMIN, sms("b".repeat(160))));
    JsonNode ownWording = body(post(PATH + "/" + name, ADMIN, sms("Text STOP to end. " + "b".repeat(142))));
    HttpResponse<String> tooLongWithHint = post(PATH + "/" + name, ADMIN, sms("b".repeat(1520)));

    assertThat(fits.get("length").get("segments").asInt()).isEqualTo(1);
    assertThat(fits.get("lengthWithOptOutHint").get("characters").asInt()).isEqualTo(160 + " Reply STOP to opt out.".length());
    assertThat(fits.get("lengthWithOptOutHint").get("segments").asInt()).isEqualTo(2);
    assertThat(ownWording.get("lengthWithOptOutHint")).isEqualTo(ownWording.get("length"));
    assertThat(Problems.assertInvalid(tooLongWithHint, "text"))
        .contains("1520 characters, 10 segments")
        .contains("with the opt-out hint a first text carries, 1543 characters, 11 segments");
    assertThat(body(get(PATH + "/" + name, ADMIN))).hasSize(2);
  }

  /** Two admins saving one template at once get the next two versions: no lost update, no 5xx. */
  @Test
  void concurrentSavesOfOneTemplateAreAllKeptAsConsecutiveVersions() throws Exception {
    int saves = 8;
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(saves);
    List<HttpResponse<String>> answers;
    try {
      List<Future<HttpResponse<String>>> futures =
          IntStream.range(0, saves)
              .mapToObj(i -> pool.submit(() -> {
                start.await();
                return post(PATH + "/" + name, ADMIN, sms("Wording " + i + " for {{firstName}}. Reply STOP to opt out."));
              }))
              .toList();
      start.countDown();
      answers = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        answers.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(201));
    assertThat(answers.stream().map(a -> body(a).get("template").get("version").asInt()).sorted().toList())
        .isEqualTo(IntStream.rangeClosed(1, saves).boxed().toList());
    JsonNode versions = body(get(PATH + "/" + name, ADMIN));
    assertThat(versions.valueStream().map(v -> v.get("text").asString()).toList())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, saves).mapToObj(i -> "Wording " + i + " for {{firstName}}. Reply STOP to opt out.").toList());
  }

  /** Variant rules are saved as versions; a rule naming no template, or misshapen, is a 400 that saves nothing. */
  @Test
  void variantRulesAreVersionedAndCheckedWhenSaved() {
    post(PATH + "/" + name, ADMIN, sms("Base. Reply STOP to opt out."));
    post(PATH + "/" + name + "-saas", ADMIN, sms("For software. Reply STOP to opt out."));
    post(PATH + "/" + name + "-b", ADMIN, sms("Wording B. Reply STOP to opt out."));
    String rules =
        "{\"rules\":[{\"when\":{\"tier\":\"HOT\",\"industry\":\"Software\",\"interest\":\"pricing\"},\"template\":\"" + name + "-saas\"},"
            + "{\"split\":{\"a\":\"" + name + "\",\"b\":\"" + name + "-b\",\"percent\":50}}]}";
    String path = PATH + "/" + name + "/variants";

    assertThat(body(get(path, ADMIN)).get("version").asInt()).isZero();
    HttpResponse<String> first = call("PUT", path, ADMIN, rules, Map.of());
    HttpResponse<String> second = call("PUT", path, ADMIN, "{\"rules\":[]}", Map.of());

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(body(first).get("version").asInt()).isEqualTo(1);
    assertThat(body(first).get("rules").get(0).get("when").get("tier").asString()).isEqualTo("HOT");
    assertThat(body(first).get("rules").get(1).get("split").get("percent").asInt()).isEqualTo(50);
    assertThat(body(second).get("version").asInt()).isEqualTo(2);
    assertThat(body(get(path, ADMIN)).get("rules")).isEmpty();

    assertThat(call("PUT", path, MANAGER, rules, Map.of()).statusCode()).isEqualTo(403);
    assertThat(Problems.assertInvalid(call("PUT", path, ADMIN, "{\"rules\":[{\"template\":\"" + name + "-nope\"}]}", Map.of()), "rules[0].template"))
        .isEqualTo("no template '" + name + "-nope': save it first");
    assertThat(Problems.assertInvalid(call("PUT", path, ADMIN, "{\"rules\":[{\"when\":{\"tier\":\"WARM\"}}]}", Map.of()), "rules[0].oneTarget"))
        .isEqualTo("a rule gives either a template or a split, not both or neither");
    assertThat(call("PUT", path, ADMIN, "{\"rules\":[{\"split\":{\"a\":\"" + name + "\",\"b\":\"" + name + "-b\",\"percent\":101}}]}", Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(call("PUT", path, ADMIN, "{\"rules\":[{\"when\":{\"tier\":\"LUKEWARM\"},\"template\":\"" + name + "-b\"}]}", Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(call("PUT", path, ADMIN, "{\"rules\":[null]}", Map.of()).statusCode()).isEqualTo(400);
    assertThat(body(get(path, ADMIN)).get("version").asInt()).isEqualTo(2);
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
