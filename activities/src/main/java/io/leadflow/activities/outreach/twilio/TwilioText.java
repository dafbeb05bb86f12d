package io.leadflow.activities.outreach.twilio;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.util.HtmlUtils;

/**
 * An inbound text as Twilio's messaging webhook posts it, and what it means. Only {@code From},
 * {@code Body} and {@code MessageSid} are read; every other parameter Twilio sends is ignored. Carrier keywords are
 * matched whole, ignoring case and surrounding space: STOP and friends opt the number out of texts
 * (also for numbers we do not know yet), START/UNSTOP opt back in, HELP is answered, anything else
 * is the lead's reply.
 */
public record TwilioText(String from, String body, String messageSid) {

  static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "CANCEL", "REVOKE", "OPTOUT");
  static final Set<String> START = Set.of("START", "UNSTOP");
  static final Set<String> HELP = Set.of("HELP");

  /** The TwiML that answers a webhook without doing anything. */
  public static final String NO_ANSWER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

  public enum Meaning { OPT_OUT, OPT_IN, HELP, REPLY }

  /** From the webhook's parameters {@code From}, {@code Body} and {@code MessageSid}. */
  public static TwilioText of(Map<String, String> params) {
    return new TwilioText(params.get("From"), params.get("Body"), params.get("MessageSid"));
  }

  /** Why LeadFlow can do nothing with this text (a short, fixed reason), or empty when it can. */
  public Optional<String> unusable() {
    if (from == null || from.isBlank()) {
      return Optional.of("no sender");
    }
    return messageSid == null || messageSid.isBlank() ? Optional.of("no message sid") : Optional.empty();
  }

  public Meaning meaning() {
    String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
    if (STOP.contains(word)) {
      return Meaning.OPT_OUT;
    }
    if (START.contains(word)) {
      return Meaning.OPT_IN;
    }
    return HELP.contains(word) ? Meaning.HELP : Meaning.REPLY;
  }

  /** The TwiML to answer with: the help text for HELP, else nothing. */
  public String answer() {
    if (meaning() == Meaning.HELP) {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
          + HtmlUtils.htmlEscape("LeadFlow: you are hearing from us about your request. Reply STOP to opt out.")
          + "</Message></Response>";
    }
    return NO_ANSWER;
  }
}
