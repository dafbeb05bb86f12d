package io.leadflow.activities.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BookingLinkTest {

  private static final String LEAD = "47b12741-5d0e-4c5a-9a57-0c1f2b3d4e5f";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a bare page             | https://calendly.com/ana/30min                | https://calendly.com/ana/30min?utm_source=leadflow&utm_content=" + LEAD,
        "a query of its own      | https://calendly.com/ana/30min?month=2026-03  | https://calendly.com/ana/30min?month=2026-03&utm_source=leadflow&utm_content=" + LEAD,
        "an empty query          | https://calendly.com/ana/30min?               | https://calendly.com/ana/30min?utm_source=leadflow&utm_content=" + LEAD,
        "a fragment              | https://cal.example.com/ana#intro             | https://cal.example.com/ana?utm_source=leadflow&utm_content=" + LEAD + "#intro",
        "a query and a fragment  | https://cal.example.com/ana?x=1#/book?y=2     | https://cal.example.com/ana?x=1&utm_source=leadflow&utm_content=" + LEAD + "#/book?y=2",
        "its own UTM values      | https://calendly.com/ana?utm_source=site&a=1&utm_content=x | https://calendly.com/ana?a=1&utm_source=leadflow&utm_content=" + LEAD,
        "encoded values kept     | https://calendly.com/ana?name=Ana%20Ruiz&q=a%26b | https://calendly.com/ana?name=Ana%20Ruiz&q=a%26b&utm_source=leadflow&utm_content=" + LEAD,
      })
  void carriesLeadflowAndTheLeadInItsQuery(String why, String link, String forLead) {
    assertThat(BookingLink.forLead(link, LEAD)).isEqualTo(forLead);
  }

  @Test
  void theLeadIdIsEncodedAsAQueryValue() {
    assertThat(BookingLink.forLead("https://calendly.com/ana", "a b&c=d#e"))
        .isEqualTo("https://calendly.com/ana?utm_source=leadflow&utm_content=a%20b%26c%3Dd%23e");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://calendly.com/ana/30min", "HTTPS://calendly.com/ana", "https://cal.example.com:8443/ana?x=1#y"})
  void anAbsoluteHttpsUrlIsABookingLink(String link) {
    assertThat(BookingLink.problem(link)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://calendly.com/ana",
        "javascript:alert(1)",
        "data:text/html,hi",
        "calendly.com/ana",
        "//calendly.com/ana",
        "https:calendly.com/ana",
        "https:///ana",
        "https://calendly.com/ana smith",
        "https://calendly.com/\"><script>",
      })
  void anythingElseIsRefused(String link) {
    assertThat(BookingLink.problem(link)).hasValue("must be an absolute https URL, e.g. https://calendly.com/ana/30min");
  }

  @Test
  void atMostFiveHundredCharacters() {
    String page = "https://calendly.com/";
    assertThat(BookingLink.problem(page + "a".repeat(500 - page.length()))).isEmpty();
    assertThat(BookingLink.problem(page + "a".repeat(501 - page.length()))).hasValue("must be at most 500 characters");
  }
}
