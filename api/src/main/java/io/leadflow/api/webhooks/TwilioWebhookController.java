package io.leadflow.api.webhooks;

import io.leadflow.activities.outreach.twilio.TwilioProperties;
import io.leadflow.activities.outreach.twilio.TwilioSignature;
import io.leadflow.activities.outreach.twilio.TwilioStatus;
import io.leadflow.activities.outreach.twilio.TwilioText;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's webhooks: inbound texts and delivery/call status callbacks. Each request must carry a
 * valid X-Twilio-Signature ({@link TwilioSignature}); otherwise 403 and nothing happens. Accepted
 * requests are stored before we answer.
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks/twilio", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class TwilioWebhookController {

  private final WebhookProperties properties;
  private final TwilioProperties twilio;
  private final InboundEvents events;
  private final TwilioInbound inbound;
  private final InboundRelay relay;
  private final JsonMapper json;

  TwilioWebhookController(
      WebhookProperties properties,
      TwilioProperties twilio,
      InboundEvents events,
      TwilioInbound inbound,
      InboundRelay relay,
      JsonMapper json) {
    this.properties = properties;
    this.twilio = twilio;
    this.events = events;
    this.inbound = inbound;
    this.relay = relay;
    this.json = json;
  }

  @PostMapping(path = "/sms", produces = MediaType.APPLICATION_XML_VALUE)
  String sms(HttpServletRequest request, @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
    Map<String, String> message = verified(request, signature);
    TwilioText text = TwilioText.of(message);
    String leadId = inbound.leadFor(text.from()).map(l -> l.id().toString()).orElse(null);
    events.storeOnce("twilio", "sms", "twilio:" + text.messageSid(), leadId == null ? null : java.util.UUID.fromString(leadId), json.writeValueAsString(message))
        .ifPresent(relay::applyNow);
    return text.answer();
  }

  @PostMapping(path = "/status", produces = MediaType.APPLICATION_XML_VALUE)
  String status(HttpServletRequest request, @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
    Map<String, String> callback = verified(request, signature);
    TwilioStatus status = TwilioStatus.of(callback);
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
