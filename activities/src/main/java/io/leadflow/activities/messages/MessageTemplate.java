package io.leadflow.activities.messages;

import io.leadflow.workflows.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a named template for a channel: a text ({@code text}) or an email ({@code subject},
 * {@code text}, optionally {@code html}; without it the HTML part is made from the text). Version 1
 * of a name is its built-in default until a team saves one ({@code createdAt} null for a built-in).
 */
public record MessageTemplate(
    Channel channel, String name, int version, String subject, String html, String text, Instant createdAt) {

  public String renderText(Map<String, String> values) {
    return part("text", text, false).render(values);
  }

  public String renderSubject(Map<String, String> values) {
    return subject == null ? null : part("subject", subject, false).render(values);
  }

  /** The HTML part with every value HTML-escaped; empty when the template has none. */
  public Optional<String> renderHtml(Map<String, String> values) {
    return Optional.ofNullable(html).map(source -> part("html", source, true).render(values));
  }

  /** Refuses the template ({@link InvalidTemplate}) when a part is not a valid template for the channel. */
  void check() {
    renderText(SampleValues.of(channel));
    renderSubject(SampleValues.of(channel));
    renderHtml(SampleValues.of(channel));
  }

  private StrictTemplate part(String field, String source, boolean escapeHtml) {
    return StrictTemplate.compile(field, source, Placeholders.of(channel), escapeHtml);
  }
}
