package io.leadflow.api.webhooks;

import io.leadflow.activities.outreach.twilio.TwilioCall;
import io.leadflow.activities.outreach.twilio.TwilioProperties;
import io.leadflow.activities.outreach.twilio.TwilioSignature;
import io.leadflow.activities.outreach.twilio.TwilioStatus;
import io.leadflow.activities.outreach.twilio.TwilioText;
import io.leadflow.activities.store.Lead;
import io.leadflow.api.calls.TrackedNumber;
import io.leadflow.api.calls.TrackedNumbers;
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
 * Twilio's webhooks: inbound texts, calls to the team's numbers, and delivery/call status callbacks. Each request must carry a
 * valid X-Twilio-Signature ({@link TwilioSignature}); otherwise 403 and nothing happens. Accepted
 * requests are stored before we answer; one LeadFlow cannot use (no sender, no sid, a status it
 * does not track) is recorded and skipped with an empty TwiML answer, so Twilio does not retry it.
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks/twilio", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class TwilioWebhookController {

  private static final String DIALED = "/api/v1/webhooks/twilio/voice/dial";

  private final WebhookProperties properties;
  private final TwilioProperties twilio;
  private final InboundEvents events;
  private final TwilioInbound inbound;
  private final InboundRelay relay;
  private final SkippedEvents skipped;
  private final TrackedNumbers numbers;
  private final JsonMapper json;

  TwilioWebhookController(
      WebhookProperties properties,
      TwilioProperties twilio,
      InboundEvents events,
      TwilioInbound inbound,
      InboundRelay relay,
      SkippedEvents skipped,
      TrackedNumbers numbers,
      JsonMapper json) {
    this.numbers = numbers;
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

  /**
   * A call to one of the team's numbers. With a forward number the call rings there and the dial's
   * outcome ({@code /voice/dial}) is applied; without one nobody can take it: the caller hears a
   * short apology and the call counts as missed at once. Stored under its CallSid before the
   * answer, so a retry captures nobody twice. A call without caller id is still answered.
   */
  @PostMapping(path = "/voice", produces = MediaType.APPLICATION_XML_VALUE)
  String voice(HttpServletRequest request, @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
    Map<String, String> params = verified(request, signature);
    TwilioCall call = TwilioCall.of(params);
    Optional<String> forwardTo = numbers.find(call.to()).map(TrackedNumber::forwardTo);
    store(call, forwardTo.isPresent() ? "call" : "missed-call", "twilio:call:" + call.callSid(), params);
    return forwardTo.isPresent() ? TwilioCall.forward(forwardTo.get(), properties.publicBaseUrl() + DIALED) : TwilioCall.sorry();
  }

  /** How a forwarded call ended ({@code DialCallStatus}): the caller is captured, a missed call apologised for. */
  @PostMapping(path = "/voice/dial", produces = MediaType.APPLICATION_XML_VALUE)
  String dialed(HttpServletRequest request, @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
    Map<String, String> params = verified(request, signature);
    TwilioCall call = TwilioCall.of(params);
    store(call, "dialed", "twilio:dialed:" + call.callSid(), params);
    return call.missed() ? TwilioCall.sorry() : TwilioText.NO_ANSWER;
  }

  private void store(TwilioCall call, String kind, String dedupeKey, Map<String, String> params) {
    Optional<String> unusable = call.unusable();
    if (unusable.isPresent()) {
      skipped.record("twilio", unusable.get(), call.callSid());
      return;
    }
    UUID leadId = inbound.leadFor(call.from()).map(Lead::id).orElse(null);
    events.storeOnce("twilio", kind, dedupeKey, leadId, json.writeValueAsString(params)).ifPresent(relay::applyNow);
  }

  private Map<String, String> verified(HttpServletRequest request, String signature) {
    Map<String, String> params = new TreeMap<>();
    request.getParameterMap().forEach((name, values) -> params.put(name, values[0]));
    TwilioSignature.rejection(twilio.authToken(), properties.publicBaseUrl(), request.getRequestURI(), params, signature)
        .ifPresent(WebhookRejected::reject);
    return params;
  }
}
