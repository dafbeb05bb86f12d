package io.leadflow.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Temporal codec server protocol at /api/v1/codec: operators only, a round trip, clear refusals,
 * and the browser's way in for the Temporal UI (Basic on the codec only, CORS for the UI's origin).
 */
class CodecEndpointTest extends ApiTest {

  private static final String UI = "http://localhost:8233"; // leadflow.temporal.codec.cors-origins in application-test.yml
  private static final String PERSON = "{\"name\":\"Sarah Kim\",\"email\":\"sarah@acme.test\"}";
  private static final String PLAIN =
      "{\"payloads\":[{\"metadata\":{\"encoding\":\"" + base64("json/plain") + "\"},\"data\":\"" + base64(PERSON) + "\"}]}";

  @Test
  void anOperatorEncodesAndDecodesPayloads() {
    HttpResponse<String> encoded = post("/api/v1/codec/encode", MANAGER, PLAIN);

    assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(200);
    assertThat(encoded.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode encrypted = body(encoded).get("payloads").get(0);
    assertThat(text(encrypted.get("metadata").get("encoding"))).isEqualTo("binary/encrypted");
    assertThat(text(encrypted.get("metadata").get("encryption-key-id"))).isEqualTo("test");
    assertThat(encoded.body()).doesNotContain(base64(PERSON));

    HttpResponse<String> decoded = post("/api/v1/codec/decode", ADMIN, encoded.body());

    assertThat(decoded.statusCode()).as(decoded.body()).isEqualTo(200);
    JsonNode plain = body(decoded).get("payloads").get(0);
    assertThat(text(plain.get("metadata").get("encoding"))).isEqualTo("json/plain");
    assertThat(text(plain.get("data"))).isEqualTo(PERSON);
  }

  @Test
  void onlyOperatorKeysMayUseIt() {
    HttpResponse<String> none = post("/api/v1/codec/decode", null, PLAIN);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    assertThat(post("/api/v1/codec/decode", "not-a-key", PLAIN).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/codec/decode", ANA, PLAIN).statusCode()).isEqualTo(403);
    assertThat(post("/api/v1/codec/encode", INGEST, PLAIN).statusCode()).isEqualTo(403);
    assertThat(post("/api/v1/codec/decode", MANAGER, PLAIN).statusCode()).isEqualTo(200);
  }

  @Test
  void aPayloadThatDoesNotDecryptIsRefusedSayingWhy() {
    String unknownKey =
        "{\"payloads\":[{\"metadata\":{\"encoding\":\"" + base64("binary/encrypted") + "\",\"encryption-key-id\":\""
            + base64("k1999") + "\"},\"data\":\"" + base64("0123456789abcdefghijklmnopqrstuvwxyz") + "\"}]}";
    String encrypted = post("/api/v1/codec/encode", MANAGER, PLAIN).body();
    int nonce = encrypted.indexOf("\"data\":\"") + 8;
    String tampered = encrypted.substring(0, nonce) + (encrypted.charAt(nonce) == 'A' ? 'B' : 'A') + encrypted.substring(nonce + 1);

    HttpResponse<String> unknown = post("/api/v1/codec/decode", MANAGER, unknownKey);
    HttpResponse<String> altered = post("/api/v1/codec/decode", MANAGER, tampered);
    HttpResponse<String> notPayloads = post("/api/v1/codec/decode", MANAGER, "{\"payloads\":\"nope\"}");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(body(unknown).get("detail").asString()).contains("key 'k1999', which this process does not have");
    assertThat(altered.statusCode()).isEqualTo(400);
    assertThat(body(altered).get("detail").asString()).contains("does not decrypt");
    assertThat(notPayloads.statusCode()).isEqualTo(400);
    assertThat(notPayloads.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aPayloadLargerThanTheApisBodyLimitIsDecoded() {
    String large = "x".repeat(100_000);
    String payloads = "{\"payloads\":[{\"metadata\":{\"encoding\":\"" + base64("json/plain") + "\"},\"data\":\"" + base64(large) + "\"}]}";

    HttpResponse<String> encoded = post("/api/v1/codec/encode", MANAGER, payloads);
    HttpResponse<String> decoded = post("/api/v1/codec/decode", MANAGER, encoded.body());

    assertThat(decoded.statusCode()).as(decoded.body()).isEqualTo(200);
    assertThat(text(body(decoded).get("payloads").get(0).get("data"))).isEqualTo(large);
  }

  @Test
  void aBrowserSignsInWithTheKeyAsBasicPasswordOnTheCodecOnly() {
    HttpResponse<String> challenge = get("/api/v1/codec", null);
    assertThat(challenge.statusCode()).isEqualTo(401);
    assertThat(challenge.headers().allValues("WWW-Authenticate")).contains("Basic realm=\"LeadFlow API key\", charset=\"UTF-8\"");

    assertThat(call("GET", "/api/v1/codec", null, null, basic(MANAGER)).statusCode()).isEqualTo(200);
    assertThat(call("POST", "/api/v1/codec/decode", null, PLAIN, basic(MANAGER)).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/codec", null, null, basic(ANA)).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/api/v1/codec", null, null, basic("not-a-key")).statusCode()).isEqualTo(401);
    // Elsewhere a browser-kept credential would be a CSRF vector: it is no key there.
    assertThat(call("GET", "/api/v1/reports/awaiting-ack", null, null, basic(MANAGER)).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/leads", null).headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
  }

  @Test
  void theTemporalUisOriginMaySendCredentialsOtherOriginsMayNot() {
    Map<String, String> fromUi =
        Map.of("Origin", UI, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-namespace");
    HttpResponse<String> preflight = call("OPTIONS", "/api/v1/codec/decode", null, null, fromUi);

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("content-type", "x-namespace");

    HttpResponse<String> decoded = call("POST", "/api/v1/codec/decode", null, PLAIN, Map.of("Origin", UI, "Authorization", basic(MANAGER).get("Authorization")));
    assertThat(decoded.statusCode()).isEqualTo(200);
    assertThat(decoded.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI);

    HttpResponse<String> elsewhere =
        call("OPTIONS", "/api/v1/codec/decode", null, null, Map.of("Origin", "https://evil.test", "Access-Control-Request-Method", "POST"));
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> notTheCodec =
        call("OPTIONS", "/api/v1/leads", null, null, Map.of("Origin", UI, "Access-Control-Request-Method", "GET"));
    assertThat(notTheCodec.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private static Map<String, String> basic(String key) {
    return Map.of("Authorization", "Basic " + base64("operator:" + key));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asString()), StandardCharsets.UTF_8);
  }
}
