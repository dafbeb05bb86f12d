package io.leadflow.api.input;

import static io.leadflow.api.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Instants outside 1970–9999 are a 400 naming the parameter or field, in filters, cursors,
 * reports and bodies. They used to reach PostgreSQL ("timestamp out of range") or overflow Java's
 * arithmetic, a 500.
 */
class DateInputTest extends ApiTest {

  private static final String YEAR_300000 = "%2B300000-01-01T00:00:00Z";
  private static final String LONG_BC = "-290000000-01-01T00:00:00Z";

  private static String cursorAt(String instant) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((instant + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        arguments("/api/v1/leads?createdFrom=" + YEAR_300000, "createdFrom"),
        arguments("/api/v1/leads?createdTo=" + LONG_BC, "createdTo"),
        arguments("/api/v1/leads?createdFrom=1969-12-31T23:59:59Z", "createdFrom"),
        arguments("/api/v1/leads?createdTo=%2B10000-01-01T00:00:00Z", "createdTo"),
        arguments("/api/v1/leads?cursor=" + cursorAt("+300000-01-01T00:00:00Z"), "cursor"),
        arguments("/api/v1/reports/funnel?from=" + YEAR_300000 + "&to=%2B300000-01-02T00:00:00Z", "from"),
        arguments("/api/v1/reports/speed-to-lead?to=-1000000000-01-01T00:00:00Z", "to"),
        arguments("/api/v1/reports/routing-health?from=" + LONG_BC + "&to=-290000000-01-02T00:00:00Z", "from"),
        arguments("/api/v1/reports/funnel?from=yesterday", "from"));
  }

  @ParameterizedTest(name = "GET {0}")
  @MethodSource("outOfRange")
  void anInstantOutOfRangeIsRefusedByName(String path, String parameter) {
    assertThat(assertInvalid(get(path, ADMIN), parameter)).isNotBlank();
  }

  @ParameterizedTest(name = "GET {0}")
  @ValueSource(strings = {
    "/api/v1/leads?createdFrom=1970-01-01T00:00:00Z&createdTo=9999-12-31T23:59:59Z",
    "/api/v1/leads?createdFrom=2026-03-01T09:00:00%2B01:00",
    "/api/v1/reports/funnel?to=9999-12-31T23:59:59Z",
    "/api/v1/reports/speed-to-lead?from=1970-01-01T00:00:00Z&to=1970-01-08T00:00:00Z"
  })
  void theEdgesOfTheRangeAreAccepted(String path) {
    HttpResponse<String> response = get(path, ADMIN);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void aMeetingOutOfRangeNamesTheField() {
    String noSuchLead = "/api/v1/leads/" + UUID.randomUUID() + "/meeting";

    // The body is read before the lead is looked up: an instant in range gets as far as the 404.
    assertThat(post(noSuchLead, ADMIN, "{\"at\":\"2030-01-01T10:00:00Z\"}").statusCode()).isEqualTo(404);
    assertThat(assertInvalid(post(noSuchLead, ADMIN, "{\"at\":\"+300000-01-01T00:00:00Z\"}"), "at")).contains("1970");
    assertInvalid(post(noSuchLead, ADMIN, "{\"at\":\"+1000000000-01-01T00:00:00Z\"}"), "at");
    assertInvalid(post(noSuchLead, ADMIN, "{\"at\":\"next tuesday\"}"), "at");
  }

  @Test
  void aRepOutOfOfficeOutOfRangeIsRefusedAndNotStored() {
    String id = "ooo-" + UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> farFuture = call("PUT", "/api/v1/admin/reps/" + id, ADMIN,
        "{\"name\":\"Ana\",\"capacity\":5,\"outOfOffice\":{\"from\":\"+300000-01-01T00:00:00Z\"}}", Map.of());
    HttpResponse<String> beyondJava = call("PUT", "/api/v1/admin/reps/" + id, ADMIN,
        "{\"name\":\"Ana\",\"capacity\":5,\"outOfOffice\":{\"until\":\"+1000000000-01-01T00:00:00Z\"}}", Map.of());

    assertInvalid(farFuture, "outOfOffice.from");
    assertInvalid(beyondJava, "outOfOffice.until");
    assertThat(get("/api/v1/admin/reps/" + id, ADMIN).statusCode()).isEqualTo(404);
  }
}
