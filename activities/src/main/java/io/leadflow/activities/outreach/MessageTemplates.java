package io.leadflow.activities.outreach;

import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.TouchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Message text per cadence template and channel: {@code templates/sms/<template>.txt},
 * {@code templates/email/<template>.txt} (first line {@code Subject: …}) and optionally
 * {@code .html}, else the HTML part is the text's paragraphs; {@code default} when a template has
 * no file. Placeholders: {@code {{firstName}}}, {@code {{rep}}}.
 */
@Component
class MessageTemplates {

  Message render(TouchRequest request, Lead lead) {
    String folder = request.channel() == Channel.EMAIL ? "email" : "sms";
    String text = read(folder, request.template(), "txt").orElseGet(() -> read(folder, "default", "txt").orElseThrow());
    String html = read(folder, request.template(), "html").map(h -> fill(h, request, lead)).orElse(null);
    text = fill(text, request, lead);
    if (text.startsWith("Subject: ")) {
      int end = text.indexOf('\n');
      String body = text.substring(end + 1).strip();
      return new Message(text.substring(9, end).strip(), body, html != null ? html : paragraphs(body));
    }
    return new Message(null, text.strip(), html);
  }

  /** Plain text as simple HTML: blank lines separate paragraphs, everything escaped. */
  static String paragraphs(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      String escaped =
          paragraph.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
      html.append("<p>").append(escaped.replace("\n", "<br>")).append("</p>");
    }
    return html.toString();
  }

  private static String fill(String template, TouchRequest request, Lead lead) {
    String firstName = lead.name().strip().split("\\s+")[0];
    String rep = request.assignedRep() == null ? "our team" : capitalize(request.assignedRep());
    return template.replace("{{firstName}}", firstName).replace("{{rep}}", rep);
  }

  private static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static Optional<String> read(String folder, String template, String extension) {
    ClassPathResource resource = new ClassPathResource("templates/" + folder + "/" + template + "." + extension);
    if (template == null || !resource.exists()) {
      return Optional.empty();
    }
    try {
      return Optional.of(resource.getContentAsString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
