package io.leadflow.api.capture;

import io.leadflow.activities.consent.ConsentGiven;
import io.leadflow.activities.consent.ConsentMethod;
import io.leadflow.workflows.Channel;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * A person who called or texted one of the team's numbers, captured like a form's lead through
 * {@link LeadCapture} (one person one lead, the outbox, the phone's capture limit): named by their
 * number until a rep learns more, and their call or text recorded as consent to texts answering it
 * ({@link ConsentMethod#INBOUND}). A call nobody answered marks the capture missed, which scores
 * the lead HOT. Only Twilio's signed webhooks get here; a form cannot say any of this.
 */
@Service
public class PhoneCaptures {

  /** The interest field's bound ({@link CaptureLeadRequest#interest()}); a text's words beyond it are cut. */
  static final int INTEREST_LENGTH = 200;
  static final int MESSAGE_LENGTH = 2000;

  /** Where the call or text came in: the tracked number's campaign, or the channel's plain source. */
  public record Attribution(String source, String utmMedium, String utmCampaign) {}

  /** The capture, or why there is none ({@code refusal}: a number LeadFlow may not text, the phone's limit). */
  public record Outcome(CapturedLead captured, String refusal) {}

  private final LeadCapture capture;
  private final CaptureLimits limits;
  private final String defaultRegion;
  private final Clock clock = Clock.systemUTC();

  PhoneCaptures(
      LeadCapture capture, CaptureLimits limits, @Value("${leadflow.enrichment.default-region:US}") String defaultRegion) {
    this.capture = capture;
    this.limits = limits;
    this.defaultRegion = defaultRegion;
  }

  /**
   * {@code interest} and {@code message}: what the person asked for and said (a text's words, or a
   * line about the call); {@code evidence}: the call or text as the consent record tells it.
   */
  public Outcome capture(
      String from, Attribution to, String interest, String message, String evidence, boolean missedCall) {
    PhoneNumbers.Checked phone = PhoneNumbers.check(from, defaultRegion);
    if (phone.problem() != null) {
      return new Outcome(null, "the sender's number " + phone.problem());
    }
    try {
      limits.checkPhone(phone.e164());
    } catch (ErrorResponseException overLimit) {
      return new Outcome(null, "over the capture limit for this phone: " + overLimit.getBody().getDetail());
    }
    CaptureLeadRequest request = request(PhoneNumbers.readable(phone.e164()), phone.e164(), to, interest, message);
    ConsentGiven consent = new ConsentGiven(Channel.SMS, ConsentMethod.INBOUND, evidence, clock.instant(), null, null, null);
    return new Outcome(capture.capture(request, phone.e164(), new InboundContact(missedCall, consent)), null);
  }

  /**
   * A text's words as the interest field takes them: control characters other than line breaks
   * and tabs, and halves of characters, dropped; cut to {@code length} with an ellipsis. Null when
   * nothing is left (a picture without words).
   */
  public static String fitted(String text, int length) {
    if (text == null) {
      return null;
    }
    String clean =
        text.codePoints()
            .filter(c -> !(Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r'))
            .filter(c -> Character.getType(c) != Character.SURROGATE)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    if (clean.isEmpty()) {
      return null;
    }
    if (clean.length() <= length) {
      return clean;
    }
    String cut = clean.substring(0, length - 1);
    return (Character.isHighSurrogate(cut.charAt(cut.length() - 1)) ? cut.substring(0, cut.length() - 1) : cut) + "…";
  }

  public static String fittedInterest(String text) {
    return fitted(text, INTEREST_LENGTH);
  }

  private static CaptureLeadRequest request(String name, String phone, Attribution to, String interest, String message) {
    return new CaptureLeadRequest(
        name, null, phone, to.source(), fitted(interest, INTEREST_LENGTH), null, to.utmMedium(), to.utmCampaign(), null, null,
        null, null, null, null, List.of(), null, null, null, null, fitted(message, MESSAGE_LENGTH), null, null, null, null,
        null, null);
  }
}
