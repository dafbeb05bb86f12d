package io.leadflow.activities.routing;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rep's booking page (Calendly or alike): an absolute https URL of at most 500 characters. The
 * link a lead gets carries {@code utm_source=leadflow&utm_content=<leadId>}; the booking tool
 * reports them back with the booking (Calendly: {@code tracking.utm_content}), which is how a
 * booking finds its lead.
 */
public final class BookingLink {

  public static final int MAX_LENGTH = 500;

  private static final String SOURCE = "utm_source";
  private static final String CONTENT = "utm_content";

  private BookingLink() {}

  /** What is wrong with {@code link} as a rep's booking link; empty when nothing is. */
  public static Optional<String> problem(String link) {
    if (link.length() > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    try {
      URI uri = new URI(link);
      if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
        return Optional.empty();
      }
    } catch (URISyntaxException notAUri) {
      // refused below like any other non-https link
    }
    return Optional.of("must be an absolute https URL, e.g. https://calendly.com/ana/30min");
  }

  /**
   * {@code link} for one lead: its query (if any) keeps its parameters in their own encoding, minus
   * any {@code utm_source}/{@code utm_content} of its own, and gets ours; a {@code #fragment} stays last.
   */
  public static String forLead(String link, String leadId) {
    int hash = link.indexOf('#');
    String fragment = hash < 0 ? "" : link.substring(hash);
    String withoutFragment = hash < 0 ? link : link.substring(0, hash);
    int question = withoutFragment.indexOf('?');
    String page = question < 0 ? withoutFragment : withoutFragment.substring(0, question);
    List<String> parameters = new ArrayList<>();
    if (question >= 0) {
      for (String parameter : withoutFragment.substring(question + 1).split("&")) {
        String name = parameter.split("=", 2)[0];
        if (!parameter.isEmpty() && !name.equals(SOURCE) && !name.equals(CONTENT)) {
          parameters.add(parameter);
        }
      }
    }
    parameters.add(SOURCE + "=leadflow");
    parameters.add(CONTENT + "=" + URLEncoder.encode(leadId, StandardCharsets.UTF_8).replace("+", "%20"));
    return page + "?" + String.join("&", parameters) + fragment;
  }
}
