package io.leadflow.api.webhooks;

import io.leadflow.activities.outreach.twilio.TwilioProperties;
import io.leadflow.activities.outreach.twilio.TwilioSignature;
import io.leadflow.activities.outreach.twilio.TwilioStatus;
import io.leadflow.activities.outreach.twilio.TwilioText;
import io.leadflow.activities.store.Lead;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's webhooks: inbound texts and delivery/call status callbacks. Each request must carry a
 * valid X-Twilio-Signature ({@link TwilioSignature}); otherwise 403 and nothing happens. Accepted
 * requests are stored before we answer; one LeadFlow cannot use (no sender, no sid, a status it
 * does not track) is recorded and skipped with an empty TwiML answer, so Twilio does not retry it.
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks/twilio", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class TwilioWebhookController {

  private final WebhookProperties properties;
  private final TwilioProperties twilio;
  private final InboundEvents events;
  private final TwilioInbound inbound;
  private final InboundRelay relay;
  private final SkippedEvents skipped;
  private final JsonMapper json;

  TwilioWebhookController(
      WebhookProperties properties,
      TwilioProperties twilio,
      InboundEvents events,
      TwilioInbound inbound,
      InboundRelay relay,
      SkippedEvents skipped,
      JsonMapper json) {
    this.properties = properties;
    this.twilio = twilio;
    this.events = events;
    this.inbound = inbound;
    this.relay = relay;
    this.skipped = skipped;
    this.json = json;
  }

  @PostMapping(path = "/sms", produces = MediaType.APPLICATION_XML_VALUE)
  String sms(HttpServletRequest request, @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
    Map<String, String> message = verified(request, signature);
    TwilioText text = TwilioText.of(message);
    Optional<String> unusable = text.unusable();
    if (unusable.isPresent()) {
      skipped.record("twilio", unusable.get(), text.messageSid());
      return TwilioText.NO_ANSWER;
    }
    UUID leadId = inbound.leadFor(text.from()).map(Lead::id).orElse(null);
    events.storeOnce("twilio", "sms", "twilio:" + text.messageSid(), leadId, json.writeValueAsString(message))
        .ifPresent(relay::applyNow);
    return text.answer();
  }

  @PostMapping(path = "/status", produces = MediaType.APPLICATION_XML_VALUE)
  String status(HttpServletRequest request, @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
    Map<String, String> callback = verified(request, signature);
    TwilioStatus status = TwilioStatus.of(callback);
    Optional<String> unusable = status.unusable();
    if (unusable.isPresent()) {
      skipped.record("twilio", unusable.get(), status.sid());
      return TwilioText.NO_ANSWER;
    }
    events.storeOnce("twilio", "status", "twilio:" + status.sid() + ":" + status.status(), null, json.writeValueAsString(callback))
        .ifPresent(relay::applyNow);
    return TwilioText.NO_ANSWER;
  }

  private Map<String, String> verified(HttpServletRequest request, String signature) {
    Map<String, String> params = new TreeMap<>();
    request.getParameterMap().forEach((name, values) -> params.put(name, values[0]));
    TwilioSignature.rejection(twilio.authToken(), properties.publicBaseUrl(), request.getRequestURI(), params, signature)
        .ifPresent(WebhookRejected::reject);
    return params;
  }
}
