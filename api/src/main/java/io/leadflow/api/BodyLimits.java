package io.leadflow.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many bytes of body each endpoint may be sent. The API's own endpoints take small JSON
 * bodies; each provider's webhook is sized for the largest request that provider documents
 * (docs/api.md, "Body limits"), so a real batch is never refused while nothing larger is read.
 * The Temporal codec takes what the Temporal UI sends it: one event's payloads, up to the 2 MB a
 * Temporal payload may be, base64 in JSON. Calendly documents no maximum: one invitee event with
 * long answers to its booking questions stays well within 256 KB. Signed intake takes one form
 * submission or lead-ad lead per delivery: a Typeform response with every answer of a long form
 * stays within 256 KB, which is also the most a failed delivery keeps.
 * A list import's CSV is the one body too large to hold: it is {@link #streamed streamed}, counted
 * as it is read.
 */
@Component
class BodyLimits {

  static final String SENDGRID_EVENTS = "/api/v1/webhooks/sendgrid/events";
  static final String TWILIO = "/api/v1/webhooks/twilio/";
  static final String HUBSPOT = "/api/v1/webhooks/hubspot";
  static final String CODEC = "/api/v1/codec/";
  static final String CALENDLY = "/api/v1/webhooks/calendly";
  static final String INTAKE = "/api/v1/webhooks/intake/";
  /** An intake source's trial takes the payloads its deliveries may be. */
  static final String INTAKE_SOURCES = "/api/v1/admin/intake-sources/";
  static final String IMPORTS = "/api/v1/admin/imports";

  private final long api;
  private final long sendGridEvents;
  private final long twilio;
  private final long hubSpot;
  private final long codec;
  private final long calendly;
  private final long intake;
  private final long imports;

  BodyLimits(
      @Value("${leadflow.api.max-body-bytes:16384}") long api,
      @Value("${leadflow.webhooks.sendgrid-events-max-body-bytes:1048576}") long sendGridEvents,
      @Value("${leadflow.webhooks.twilio-max-body-bytes:65536}") long twilio,
      @Value("${leadflow.crm.hubspot.max-body-bytes:1048576}") long hubSpot,
      @Value("${leadflow.temporal.codec.max-body-bytes:4194304}") long codec,
      @Value("${leadflow.webhooks.calendly-max-body-bytes:262144}") long calendly,
      @Value("${leadflow.intake.max-body-bytes:262144}") long intake,
      @Value("${leadflow.imports.max-body-bytes:104857600}") long imports) {
    this.api = api;
    this.sendGridEvents = sendGridEvents;
    this.twilio = twilio;
    this.hubSpot = hubSpot;
    this.codec = codec;
    this.calendly = calendly;
    this.intake = intake;
    this.imports = imports;
  }

  /** Read by its endpoint as a stream, not held: a list import's upload. */
  boolean streamed(String path) {
    return path.equals(IMPORTS);
  }

  /** The limit for a request to {@code path} (the request URI, without the query string). */
  long forPath(String path) {
    if (path.equals(SENDGRID_EVENTS)) {
      return sendGridEvents;
    }
    if (path.equals(CALENDLY)) {
      return calendly;
    }
    if (streamed(path)) {
      return imports;
    }
    if (path.equals(HUBSPOT)) {
      return hubSpot;
    }
    if (path.startsWith(INTAKE) || (path.startsWith(INTAKE_SOURCES) && path.endsWith("/test"))) {
      return intake;
    }
    if (path.startsWith(CODEC)) {
      return codec;
    }
    return path.startsWith(TWILIO) ? twilio : api;
  }
}
