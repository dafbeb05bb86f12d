package io.leadflow.api.webhooks;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.Channel;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What an inbound text or a status callback from Twilio means. Carrier keywords are matched
 * whole, ignoring case and surrounding space: STOP and friends opt the number out of texts (also
 * for numbers we do not know yet), START/UNSTOP opt back in, HELP is answered, anything else is
 * the lead's reply.
 */
@Component
class TwilioInbound {

  static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "CANCEL", "REVOKE", "OPTOUT");
  static final Set<String> START = Set.of("START", "UNSTOP");
  static final Set<String> HELP = Set.of("HELP");

  enum Meaning { OPT_OUT, OPT_IN, HELP, REPLY }

  private final LeadRepository leads;
  private final Suppressions suppressions;
  private final TouchRepository touches;
  private final LeadSignals signals;

  TwilioInbound(LeadRepository leads, Suppressions suppressions, TouchRepository touches, LeadSignals signals) {
    this.leads = leads;
    this.suppressions = suppressions;
    this.touches = touches;
    this.signals = signals;
  }

  static Meaning meaning(String body) {
    String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
    if (STOP.contains(word)) {
      return Meaning.OPT_OUT;
    }
    if (START.contains(word)) {
      return Meaning.OPT_IN;
    }
    return HELP.contains(word) ? Meaning.HELP : Meaning.REPLY;
  }

  Optional<Lead> leadFor(String phone) {
    return leads.findByContact(null, ContactKeys.of(null, phone).phone());
  }

  void applySms(Map<String, String> message) {
    String from = message.get("From");
    String phoneKey = ContactKeys.of(null, from).phone();
    Optional<Lead> lead = leadFor(from);
    switch (meaning(message.get("Body"))) {
      case OPT_OUT -> {
        suppressions.suppress(phoneKey, Channel.SMS.name(), "texted " + message.get("Body").strip(), "twilio");
        lead.ifPresent(l -> signals.optOut(l.id(), Channel.SMS));
      }
      case OPT_IN -> {
        suppressions.lift(phoneKey, Channel.SMS.name());
        lead.ifPresent(l -> signals.optIn(l.id(), Channel.SMS));
      }
      case HELP -> {
        // answered in the webhook's TwiML; nothing changes for the lead
      }
      case REPLY -> lead.ifPresent(l -> signals.reply(l.id(), Channel.SMS, message.get("Body"), message.get("MessageSid")));
    }
  }

  void applyStatus(Map<String, String> callback) {
    String sid = callback.getOrDefault("MessageSid", callback.get("CallSid"));
    String status = callback.getOrDefault("MessageStatus", callback.get("CallStatus"));
    touches.recordProviderStatus("twilio", sid, status);
  }
}
