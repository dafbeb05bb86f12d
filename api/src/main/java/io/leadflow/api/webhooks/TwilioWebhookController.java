package io.leadflow.api.webhooks;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's webhooks: inbound texts and delivery/call status callbacks. Each request must carry a
 * valid X-Twilio-Signature over the public URL Twilio was configured with and the body
 * parameters; otherwise 403 and nothing happens. Accepted requests are stored before we answer.
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks/twilio", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class TwilioWebhookController {

  private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

  private final WebhookProperties properties;
  private final InboundEvents events;
  private final TwilioInbound inbound;
  private final InboundRelay relay;
  private final JsonMapper json;

  TwilioWebhookController(
      WebhookProperties properties, InboundEvents events, TwilioInbound inbound, InboundRelay relay, JsonMapper json) {
    this.properties = properties;
    this.events = events;
    this.inbound = inbound;
    this.relay = relay;
    this.json = json;
  }

  @PostMapping(path = "/sms", produces = MediaType.APPLICATION_XML_VALUE)
  String sms(HttpServletRequest request, @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
    Map<String, String> message = verified(request, signature);
    String leadId = inbound.leadFor(message.get("From")).map(l -> l.id().toString()).orElse(null);
    events.storeOnce("twilio", "sms", "twilio:" + message.get("MessageSid"), leadId == null ? null : java.util.UUID.fromString(leadId), json.writeValueAsString(message))
        .ifPresent(relay::applyNow);
    if (TwilioInbound.meaning(message.get("Body")) == TwilioInbound.Meaning.HELP) {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
          + HtmlUtils.htmlEscape("LeadFlow: you are hearing from us about your request. Reply STOP to opt out.")
          + "</Message></Response>";
    }
    return EMPTY_TWIML;
  }

  @PostMapping(path = "/status", produces = MediaType.APPLICATION_XML_VALUE)
  String status(HttpServletRequest request, @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
    Map<String, String> callback = verified(request, signature);
    String sid = callback.getOrDefault("MessageSid", callback.get("CallSid"));
    String status = callback.getOrDefault("MessageStatus", callback.get("CallStatus"));
    events.storeOnce("twilio", "status", "twilio:" + sid + ":" + status, null, json.writeValueAsString(callback))
        .ifPresent(relay::applyNow);
    return EMPTY_TWIML;
  }

  private Map<String, String> verified(HttpServletRequest request, String signature) {
    if (properties.twilioAuthToken() == null || properties.publicBaseUrl() == null) {
      throw new WebhookRejected("Twilio webhooks are not configured (leadflow.webhooks.twilio-auth-token, public-base-url).");
    }
    Map<String, String> params = new TreeMap<>();
    request.getParameterMap().forEach((name, values) -> params.put(name, values[0]));
    String url = properties.publicBaseUrl() + request.getRequestURI();
    if (signature == null || !new RequestValidator(properties.twilioAuthToken()).validate(url, params, signature)) {
      throw new WebhookRejected("The X-Twilio-Signature does not match this request.");
    }
    return params;
  }
}
