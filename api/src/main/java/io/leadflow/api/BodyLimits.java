package io.leadflow.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many bytes of body each endpoint may be sent. The API's own endpoints take small JSON
 * bodies; each provider's webhook is sized for the largest request that provider documents
 * (docs/api.md, "Body limits"), so a real batch is never refused while nothing larger is read.
 */
@Component
class BodyLimits {

  static final String SENDGRID_EVENTS = "/api/v1/webhooks/sendgrid/events";
  static final String TWILIO = "/api/v1/webhooks/twilio/";

  private final long api;
  private final long sendGridEvents;
  private final long twilio;

  BodyLimits(
      @Value("${leadflow.api.max-body-bytes:16384}") long api,
      @Value("${leadflow.webhooks.sendgrid-events-max-body-bytes:1048576}") long sendGridEvents,
      @Value("${leadflow.webhooks.twilio-max-body-bytes:65536}") long twilio) {
    this.api = api;
    this.sendGridEvents = sendGridEvents;
    this.twilio = twilio;
  }

  /** The limit for a request to {@code path} (the request URI, without the query string). */
  long forPath(String path) {
    if (path.equals(SENDGRID_EVENTS)) {
      return sendGridEvents;
    }
    return path.startsWith(TWILIO) ? twilio : api;
  }
}
