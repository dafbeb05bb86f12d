package io.leadflow.api.webhooks;

import io.leadflow.activities.consent.UnsubscribeTokens.Refusal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The plain pages a person sees at the unsubscribe link. Nothing on them comes from the request but a verified token. */
public final class UnsubscribePage {

  private UnsubscribePage() {}

  /** A GET never unsubscribes (link scanners prefetch): the button posts the one-click form. */
  static String confirm(String verifiedToken) {
    String action = "?token=" + URLEncoder.encode(verifiedToken, StandardCharsets.UTF_8);
    return page(
        "Unsubscribe",
        "<p>Stop receiving these emails?</p>"
            + "<form method=\"post\" action=\"" + action + "\">"
            + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
            + "<button type=\"submit\">Unsubscribe</button></form>");
  }

  /** Whether the request is a GET of the page: its refusals are pages, whoever finds them. */
  public static boolean isThePage(jakarta.servlet.http.HttpServletRequest request) {
    return "GET".equals(request.getMethod()) && UnsubscribeController.PATH.equals(request.getRequestURI());
  }

  /** The page for a request the server cannot read (what no browser sends). */
  public static String malformed() {
    return page("Invalid link", "<p>This unsubscribe link could not be read. Please use the link exactly as it appears in the email.</p>");
  }

  static String done() {
    return page("Unsubscribed", "<p>You are unsubscribed: you will get no more of these emails.</p>");
  }

  static String refused(Refusal refusal) {
    return refusal == Refusal.EXPIRED
        ? page("Link expired", "<p>This unsubscribe link has expired. Please use the link in a more recent email.</p>")
        : page("Invalid link", "<p>This unsubscribe link is not valid. Please use the link exactly as it appears in the email.</p>");
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head>"
        + "<body><h1>" + title + "</h1>" + body + "</body></html>";
  }
}
