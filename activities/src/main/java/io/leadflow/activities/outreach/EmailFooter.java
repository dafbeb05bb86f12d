package io.leadflow.activities.outreach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * What every email carries whatever its template says (CAN-SPAM): the unsubscribe link and the
 * sender's postal address ({@code leadflow.compliance.postal-address}), added to the text and the
 * HTML part after rendering. Each is added only where the part lacks it, so a template that
 * already shows the exact link (or the address) gets no second one.
 */
@Component
public class EmailFooter {

  static final String POSTAL_ADDRESS_KEY = "leadflow.compliance.postal-address";

  /** What the dry-run sender shows when no address is configured. */
  private static final String NO_ADDRESS = "[postal address: set " + POSTAL_ADDRESS_KEY + "]";

  private final String postalAddress;

  public EmailFooter(@Value("${leadflow.compliance.postal-address:}") String postalAddress) {
    this.postalAddress = postalAddress == null || postalAddress.isBlank() ? null : postalAddress.strip();
  }

  /** Fails the start of {@code who} with what to set when there is no postal address. */
  public void requirePostalAddress(String who) {
    if (postalAddress == null) {
      throw new IllegalStateException(
          who + " needs " + POSTAL_ADDRESS_KEY + " (LEADFLOW_COMPLIANCE_POSTAL_ADDRESS): the sender's postal"
              + " address, which CAN-SPAM requires in every commercial email, e.g. \"Acme Inc., 1 Main St,"
              + " Springfield, IL 62701, USA\"");
    }
  }

  /** The message with the unsubscribe link and the postal address in each part that lacks them. */
  public Message addTo(Message message, String unsubscribeLink) {
    String address = postalAddress == null ? NO_ADDRESS : postalAddress;
    return new Message(
        message.subject(), text(message.text(), unsubscribeLink, address), html(message.html(), unsubscribeLink, address));
  }

  private static String text(String text, String link, String address) {
    String body = text == null ? "" : text;
    List<String> lines = new ArrayList<>();
    if (!body.contains(link)) {
      lines.add("Unsubscribe: " + link);
    }
    if (!body.contains(address)) {
      lines.add(address);
    }
    return lines.isEmpty() ? body : body.stripTrailing() + "\n\n" + String.join("\n", lines);
  }

  private static String html(String html, String link, String address) {
    if (html == null) {
      return null;
    }
    String href = HtmlUtils.htmlEscape(link);
    String shownAddress = HtmlUtils.htmlEscape(address).replace("\n", "<br>");
    List<String> lines = new ArrayList<>();
    if (!html.contains(href) && !html.contains(link)) {
      lines.add("<a href=\"" + href + "\">Unsubscribe</a>");
    }
    if (!html.contains(shownAddress)) {
      lines.add(shownAddress);
    }
    if (lines.isEmpty()) {
      return html;
    }
    String footer = "<p style=\"font-size:12px;color:#666666\">" + String.join("<br>", lines) + "</p>";
    int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
    return end < 0 ? html + footer : html.substring(0, end) + footer + html.substring(end);
  }
}
