package io.leadflow.api.input;

import static io.leadflow.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The API speaks JSON only, as documented. XML and YAML bodies used to be read (Twilio's SDK and
 * Swagger bring the libraries) with unknown fields silently ignored; now they are a 415.
 */
class JsonOnlyTest extends ApiTest {

  @Autowired LeadRepository leads;

  static Stream<Arguments> otherFormats() {
    return Stream.of(
        arguments("application/xml",
            "<lead><name>X</name><email>x@acme.test</email><source>web</source><interest>d</interest><status>WON</status></lead>"),
        arguments("text/xml", "<lead><name>X</name><email>x@acme.test</email><source>web</source><interest>d</interest></lead>"),
        arguments("application/yaml", "name: X\nemail: x@acme.test\nsource: web\ninterest: d\nstatus: WON\n"));
  }

  @ParameterizedTest(name = "a capture as {0} is a 415")
  @MethodSource("otherFormats")
  void aBodyInAnotherFormatIsRefusedAndStoresNothing(String contentType, String body) {
    long before = leads.count();

    HttpResponse<String> response = call("POST", "/api/v1/leads", INGEST, body, Map.of("Content-Type", contentType));

    assertProblem(response, 415);
    assertThat(leads.count()).isEqualTo(before);
  }

  @Test
  void adminBodiesTooAreJsonOnly() {
    HttpResponse<String> response = call("POST", "/api/v1/admin/cadences", ADMIN,
        "<cadence><name>x</name></cadence>", Map.of("Content-Type", "application/xml"));

    assertProblem(response, 415);
  }

  @Test
  void jsonWithACharsetIsJson() {
    HttpResponse<String> response = call("POST", "/api/v1/leads", INGEST, leadJson(uniqueEmail(), null),
        Map.of("Content-Type", "application/json; charset=UTF-8"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  @Test
  void askingForXmlIsNotAcceptableAndSaysSoInJson() {
    HttpResponse<String> response = call("GET", "/api/v1/leads", ADMIN, null, Map.of("Accept", "application/xml"));

    assertProblem(response, 406);
  }
}
