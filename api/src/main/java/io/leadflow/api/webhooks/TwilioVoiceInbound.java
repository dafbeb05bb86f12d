package io.leadflow.api.webhooks;

import io.leadflow.activities.outreach.twilio.TwilioCall;
import io.leadflow.activities.store.Lead;
import io.leadflow.api.calls.TrackedNumber;
import io.leadflow.api.calls.TrackedNumbers;
import io.leadflow.api.capture.PhoneCaptures;
import io.leadflow.api.capture.PhoneCaptures.Attribution;
import io.leadflow.api.capture.PhoneNumbers;
import io.leadflow.workflows.Channel;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Applies calls to the team's numbers once their outcome is known: a call answered at once (no
 * forward number: missed) or a forwarded call's dial outcome. The caller is captured like a form's
 * lead, with the number's campaign as source ({@link PhoneCaptures}): a new person becomes a lead,
 * a known one joins theirs as an engagement. A missed call marks the capture, which scores a new
 * lead HOT (its rep gets the call-now alert, its instant reply is the text-back); a known lead's
 * missed call reaches its workflow as a reply by CALL, so the cadence stops and the rep is told.
 */
@Component
class TwilioVoiceInbound {

  /** The source of a call to a number nobody tracked. */
  static final String UNTRACKED_SOURCE = "phone";

  private final TwilioInbound inbound;
  private final TrackedNumbers numbers;
  private final PhoneCaptures captures;
  private final LeadSignals signals;

  TwilioVoiceInbound(TwilioInbound inbound, TrackedNumbers numbers, PhoneCaptures captures, LeadSignals signals) {
    this.inbound = inbound;
    this.numbers = numbers;
    this.captures = captures;
    this.signals = signals;
  }

  /** Forwarded: nothing yet, the dial's outcome ({@link #dialed}) says whether it was missed. */
  String forwarded(Map<String, String> fields) {
    return "forwarded: captured when the dial ends";
  }

  /** No forward number: nobody could take the call. */
  String missed(Map<String, String> fields) {
    return ended(TwilioCall.of(fields), true);
  }

  String dialed(Map<String, String> fields) {
    TwilioCall call = TwilioCall.of(fields);
    return ended(call, call.missed());
  }

  private String ended(TwilioCall call, boolean missed) {
    Optional<Lead> known = inbound.leadFor(call.from());
    Attribution to = attribution(numbers.find(call.to()), UNTRACKED_SOURCE);
    String what = (missed ? "Missed call to " : "Phone call to ") + to.source();
    String evidence = "Called " + PhoneNumbers.readable(call.to()) + " (" + to.source() + "), Twilio call " + call.callSid();
    PhoneCaptures.Outcome outcome = captures.capture(call.from(), to, what, null, evidence, missed);
    if (missed && known.isPresent()) {
      signals.reply(known.get().id(), Channel.CALL, what, call.callSid());
    }
    return outcome.refusal() == null ? (missed ? "missed call" : "answered call") : "not captured: " + outcome.refusal();
  }

  static Attribution attribution(Optional<TrackedNumber> tracked, String untrackedSource) {
    return tracked
        .map(number -> new Attribution(number.source(), number.utmMedium(), number.utmCampaign()))
        .orElse(new Attribution(untrackedSource, null, null));
  }
}
