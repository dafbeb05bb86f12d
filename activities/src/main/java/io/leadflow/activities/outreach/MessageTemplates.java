package io.leadflow.activities.outreach;

import io.leadflow.activities.routing.BookingLink;
import io.leadflow.activities.routing.Rep;
import io.leadflow.activities.routing.RepStore;
import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.Tier;
import io.leadflow.workflows.TouchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Message text per cadence template and channel: {@code templates/sms/<template>.txt},
 * {@code templates/email/<template>.txt} (first line {@code Subject: …}) and optionally
 * {@code .html}, else the HTML part is the text's paragraphs; {@code default} when a template has
 * no file. Placeholders: {@code {{firstName}}}, {@code {{rep}}}, {@code {{bookingLink}}} (the
 * assigned rep's booking link for this lead; a line using it is left out when the rep has none;
 * in the HTML made from the text it is an {@code <a href>}, in an {@code .html} file the escaped
 * URL). A HOT lead whose rep has a booking link gets the template's {@code <template>-hot} variant
 * where there is one.
 */
@Component
class MessageTemplates {

  private static final String BOOKING_LINK = "{{bookingLink}}";

  private final RepStore reps;

  MessageTemplates(RepStore reps) {
    this.reps = reps;
  }

  Message render(TouchRequest request, Lead lead) {
    String folder = request.channel() == Channel.EMAIL ? "email" : "sms";
    Optional<String> link = bookingLink(request);
    String template = variant(folder, request.template(), lead, link);
    String text = read(folder, template, "txt").orElseGet(() -> read(folder, "default", "txt").orElseThrow());
    String html = read(folder, template, "html").map(h -> fill(h, request, lead, link.map(MessageTemplates::escape))).orElse(null);
    text = fill(text, request, lead, link);
    if (text.startsWith("Subject: ")) {
      int end = text.indexOf('\n');
      String body = text.substring(end + 1).strip();
      return new Message(text.substring(9, end).strip(), body, html != null ? html : linked(paragraphs(body), link));
    }
    return new Message(null, text.strip(), html);
  }

  /** Plain text as simple HTML: blank lines separate paragraphs, everything escaped. */
  static String paragraphs(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
    }
    return html.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** The assigned rep's booking link for this lead; none when the rep has none (or a stored one that is no https URL). */
  private Optional<String> bookingLink(TouchRequest request) {
    return Optional.ofNullable(request.assignedRep())
        .flatMap(reps::find)
        .map(Rep::bookingLink)
        .filter(link -> BookingLink.problem(link).isEmpty())
        .map(link -> BookingLink.forLead(link, request.leadId()));
  }

  private static String variant(String folder, String template, Lead lead, Optional<String> link) {
    boolean offersBooking = template != null && lead.tier() == Tier.HOT && link.isPresent();
    return offersBooking && read(folder, template + "-hot", "txt").isPresent() ? template + "-hot" : template;
  }

  /** The booking link, already escaped in {@code html}, made a link. */
  private static String linked(String html, Optional<String> link) {
    return link.map(MessageTemplates::escape).map(url -> html.replace(url, "<a href=\"" + url + "\">" + url + "</a>")).orElse(html);
  }

  private static String fill(String template, TouchRequest request, Lead lead, Optional<String> link) {
    String withLink =
        link.map(url -> template.replace(BOOKING_LINK, url))
            .orElseGet(() -> template.lines().filter(line -> !line.contains(BOOKING_LINK)).collect(Collectors.joining("\n")));
    String firstName = lead.name().strip().split("\\s+")[0];
    String rep = request.assignedRep() == null ? "our team" : capitalize(request.assignedRep());
    return withLink.replace("{{firstName}}", firstName).replace("{{rep}}", rep);
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
