package io.leadflow.api.webhooks;

import io.leadflow.activities.outreach.twilio.TwilioStatus;
import io.leadflow.activities.outreach.twilio.TwilioText;
import io.leadflow.activities.consent.ConsentGiven;
import io.leadflow.activities.consent.ConsentMethod;
import io.leadflow.activities.consent.Consents;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.api.calls.TrackedNumbers;
import io.leadflow.api.capture.PhoneCaptures;
import io.leadflow.api.capture.PhoneCaptures.Attribution;
import io.leadflow.api.capture.PhoneNumbers;
import io.leadflow.workflows.Channel;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Applies what Twilio tells us ({@link TwilioText} says what a text means): an opt-out suppresses
 * the number for texts (also a number we do not know yet) and tells the lead's workflow, an opt-in
 * lifts it, a reply reaches the lead, and a text from a number nobody knows captures its sender
 * ({@link PhoneCaptures}); a status callback updates the touch.
 */
@Component
class TwilioInbound {

  /** The source of a text to a number nobody tracked. */
  static final String UNTRACKED_SOURCE = "sms";

  private final LeadRepository leads;
  private final Suppressions suppressions;
  private final Consents consents;
  private final Clock clock = Clock.systemUTC();
  private final TouchRepository touches;
  private final LeadSignals signals;
  private final TrackedNumbers numbers;
  private final PhoneCaptures captures;

  TwilioInbound(
      LeadRepository leads,
      Suppressions suppressions,
      Consents consents,
      TouchRepository touches,
      LeadSignals signals,
      TrackedNumbers numbers,
      PhoneCaptures captures) {
    this.numbers = numbers;
    this.captures = captures;
    this.consents = consents;
    this.leads = leads;
    this.suppressions = suppressions;
    this.touches = touches;
    this.signals = signals;
  }

  Optional<Lead> leadFor(String phone) {
    return leads.findByContact(null, ContactKeys.of(null, phone).phone());
  }

  /** @return what it did when that was not the obvious: a lead captured from an unknown number, or why not */
  String applySms(Map<String, String> message) {
    TwilioText text = TwilioText.of(message);
    String phoneKey = ContactKeys.of(null, text.from()).phone();
    Optional<Lead> lead = leadFor(text.from());
    switch (text.meaning()) {
      case OPT_OUT -> {
        suppressions.suppress(phoneKey, Channel.SMS.name(), "texted " + text.body().strip(), "twilio");
        lead.ifPresent(l -> signals.optOut(l.id(), Channel.SMS));
      }
      case OPT_IN -> {
        String evidence = "texted " + text.body().strip() + " (Twilio message " + text.messageSid() + ")";
        suppressions.lift(phoneKey, Channel.SMS, evidence, "twilio");
        lead.ifPresent(l -> {
          // Texting START is express consent to texts, recorded like a form's.
          consents.record(l.id(), null, phoneKey,
              new ConsentGiven(Channel.SMS, ConsentMethod.KEYWORD, evidence, clock.instant(), null, null, null), "twilio");
          signals.optIn(l.id(), Channel.SMS);
        });
      }
      case HELP -> {
        // answered in the webhook's TwiML; nothing changes for the lead
      }
      case REPLY -> {
        if (lead.isPresent()) {
          signals.reply(lead.get().id(), Channel.SMS, text.body(), text.messageSid());
        } else {
          return captureTexter(text, message.get("To"));
        }
      }
    }
    return null;
  }

  /** Someone LeadFlow does not know texted one of the team's numbers: their words are the interest. */
  private String captureTexter(TwilioText text, String to) {
    Attribution attribution = TwilioVoiceInbound.attribution(numbers.find(to), UNTRACKED_SOURCE);
    String interest = Optional.ofNullable(PhoneCaptures.fittedInterest(text.body())).orElse("Text message to " + attribution.source());
    String evidence =
        "Texted " + (to == null ? "the team's number" : PhoneNumbers.readable(to)) + " (" + attribution.source() + "), Twilio message "
            + text.messageSid();
    PhoneCaptures.Outcome outcome = captures.capture(text.from(), attribution, interest, text.body(), evidence, false);
    return outcome.refusal() == null ? "captured the texter" : "not captured: " + outcome.refusal();
  }

  void applyStatus(Map<String, String> callback) {
    TwilioStatus status = TwilioStatus.of(callback);
    touches.recordProviderStatus("twilio", status.sid(), status.status(), TwilioStatus.ORDER);
  }
}
