package io.leadflow.activities.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.workflows.Channel;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrictTemplateTest {

  private static final Set<String> EMAIL = Placeholders.of(Channel.EMAIL);

  @Test
  void anUnknownPlaceholderIsRefusedWithItsLineAndColumn() {
    assertThatThrownBy(() -> StrictTemplate.compile("text", "Hi {{firstName}},\n\nYour  {{frist}} plan", EMAIL, false))
        .isInstanceOfSatisfying(
            InvalidTemplate.class,
            e -> {
              assertThat(e.field()).isEqualTo("text");
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(7);
              assertThat(e.getMessage()).startsWith("line 3, column 7: unknown placeholder 'frist'");
            });
  }

  @Test
  void anUnsubscribeLinkIsForEmailOnly() {
    assertThatThrownBy(() -> StrictTemplate.compile("text", "Stop: {{unsubscribeLink}}", Placeholders.of(Channel.SMS), false))
        .hasMessageStartingWith("line 1, column 7: unknown placeholder 'unsubscribeLink'");
  }

  @Test
  void syntaxErrorsAreRefusedWithTheirLineAndColumn() {
    assertThat(problem("Hi {{firstName}\nthere")).isEqualTo("line 1, column 4: the tag is not closed with }}");
    assertThat(problem("Hi\n  {{#bookingLink}}Book: {{bookingLink}}"))
        .isEqualTo("line 2, column 3: section 'bookingLink' is never closed with {{/bookingLink}}");
    assertThat(problem("{{#bookingLink}}{{#company}}x{{/bookingLink}}{{/company}}"))
        .isEqualTo("line 1, column 30: {{/bookingLink}} closes section 'company'");
    assertThat(problem("x\n{{/company}}")).isEqualTo("line 2, column 1: {{/company}} closes no open section");
    assertThat(problem("{{> footer}}")).startsWith("line 1, column 1: only placeholders and sections are allowed");
    assertThat(problem("a {{}} b")).isEqualTo("line 1, column 3: the tag names no placeholder");
  }

  @Test
  void anHtmlPartEscapesEveryValueAndMayNotPrintOneRaw() {
    StrictTemplate html = StrictTemplate.compile("html", "<p>{{company}}</p>", EMAIL, true);

    assertThat(html.render(Map.of("company", "<script>alert(1)</script>")))
        .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    assertThatThrownBy(() -> StrictTemplate.compile("html", "<p>{{{company}}}</p>", EMAIL, true))
        .hasMessageStartingWith("line 1, column 4: HTML escapes every value");
  }

  @Test
  void aTextPrintsValuesAsTheyAre() {
    assertThat(StrictTemplate.compile("text", "{{company}}", EMAIL, false).render(Map.of("company", "R&D <Labs>")))
        .isEqualTo("R&D <Labs>");
  }

  @Test
  void aBookingLinkSectionOnItsOwnLinesLeavesNoTraceWithoutALink() {
    StrictTemplate text =
        StrictTemplate.compile("text", "Hi,\n{{#bookingLink}}\nBook: {{bookingLink}}\n{{/bookingLink}}\nAna", EMAIL, false);

    assertThat(text.render(Map.of("bookingLink", ""))).isEqualTo("Hi,\nAna");
    assertThat(text.render(Map.of("bookingLink", "https://cal.test/a"))).isEqualTo("Hi,\nBook: https://cal.test/a\nAna");
  }

  @Test
  void everyBuiltInTemplateIsValid() {
    for (Channel channel : new Channel[] {Channel.SMS, Channel.EMAIL}) {
      assertThat(BuiltInTemplates.all(channel)).isNotEmpty().allSatisfy(MessageTemplate::check);
    }
  }

  private static String problem(String source) {
    try {
      StrictTemplate.compile("text", source, EMAIL, false);
      throw new AssertionError("accepted: " + source);
    } catch (InvalidTemplate e) {
      return e.getMessage();
    }
  }
}
