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
import io.leadflow.workflows.Channel;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Applies what Twilio tells us ({@link TwilioText} says what a text means): an opt-out suppresses
 * the number for texts (also a number we do not know yet) and tells the lead's workflow, an opt-in
 * lifts it, a reply reaches the lead; a status callback updates the touch.
 */
@Component
class TwilioInbound {

  private final LeadRepository leads;
  private final Suppressions suppressions;
  private final Consents consents;
  private final Clock clock = Clock.systemUTC();
  private final TouchRepository touches;
  private final LeadSignals signals;

  TwilioInbound(
      LeadRepository leads, Suppressions suppressions, Consents consents, TouchRepository touches, LeadSignals signals) {
    this.consents = consents;
    this.leads = leads;
    this.suppressions = suppressions;
    this.touches = touches;
    this.signals = signals;
  }

  Optional<Lead> leadFor(String phone) {
    return leads.findByContact(null, ContactKeys.of(null, phone).phone());
  }

  void applySms(Map<String, String> message) {
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
      case REPLY -> lead.ifPresent(l -> signals.reply(l.id(), Channel.SMS, text.body(), text.messageSid()));
    }
  }

  void applyStatus(Map<String, String> callback) {
    TwilioStatus status = TwilioStatus.of(callback);
    touches.recordProviderStatus("twilio", status.sid(), status.status(), TwilioStatus.ORDER);
  }
}
