package io.leadflow.activities.outreach.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Say;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An inbound call as Twilio's voice webhook posts it ({@code CallSid}, {@code From}, {@code To}),
 * and, on the {@code <Dial>}'s action callback, how the forwarded leg ended ({@code DialCallStatus});
 * every other parameter is ignored. The answers are TwiML built with Twilio's own library.
 */
public record TwilioCall(String callSid, String from, String to, String dialCallStatus) {

  /** How long a forwarded call rings before it counts as missed. */
  public static final int RING_SECONDS = 20;

  /** The dial statuses of a call nobody took: not answered, busy, unreachable, or hung up while ringing. */
  static final Set<String> MISSED = Set.of("no-answer", "busy", "failed", "canceled");

  /** Said to a caller nobody could take; the text-back follows from the lead's workflow. */
  static final String SORRY = "Thank you for calling. Sorry we could not take your call: we will get back to you shortly.";

  public static TwilioCall of(Map<String, String> params) {
    return new TwilioCall(params.get("CallSid"), params.get("From"), params.get("To"), params.get("DialCallStatus"));
  }

  /** Why LeadFlow can capture nothing from this call (a short, fixed reason), or empty when it can. */
  public Optional<String> unusable() {
    if (callSid == null || callSid.isBlank()) {
      return Optional.of("no call sid");
    }
    return from == null || !from.strip().startsWith("+") ? Optional.of("caller id withheld") : Optional.empty();
  }

  /** The forwarded leg was not answered: no answer, busy, failed, or the caller hung up while it rang. */
  public boolean missed() {
    return dialCallStatus != null && MISSED.contains(dialCallStatus.strip().toLowerCase(Locale.ROOT));
  }

  /** Rings {@code forwardTo} for {@link #RING_SECONDS}; Twilio then posts the outcome to {@code actionUrl}. */
  public static String forward(String forwardTo, String actionUrl) {
    Dial dial =
        new Dial.Builder()
            .number(new Number.Builder(forwardTo).build())
            .action(actionUrl)
            .method(HttpMethod.POST)
            .timeout(RING_SECONDS)
            .build();
    return new VoiceResponse.Builder().dial(dial).build().toXml();
  }

  /** A short apology to a caller nobody could take; then Twilio hangs up. */
  public static String sorry() {
    return new VoiceResponse.Builder().say(new Say.Builder(SORRY).build()).build().toXml();
  }
}
