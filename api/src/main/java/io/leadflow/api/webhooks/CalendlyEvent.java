package io.leadflow.api.webhooks;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One Calendly webhook (API v2), read for what LeadFlow uses and kept flat, as it is stored: the
 * event name and its {@code created_at}; the invitee ({@code payload.uri}, email, names); the
 * booking ({@code payload.scheduled_event}: uri, name, start_time); {@code payload.tracking}'s
 * utm_*; {@code payload.rescheduled}. Anything else in the payload is neither read nor stored.
 */
record CalendlyEvent(Map<String, String> fields) {

  static final String CREATED = "invitee.created";
  static final String CANCELED = "invitee.canceled";
  /** The utm_source LeadFlow's booking links carry; their utm_content is the lead's id. */
  static final String LEADFLOW_SOURCE = "leadflow";

  private static final int MAX_URI = 500;
  private static final int MAX_TEXT = 320;
  private static final String[] UTM = {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"};

  static CalendlyEvent read(JsonNode body) {
    Map<String, String> fields = new HashMap<>();
    put(fields, "event", body.get("event"));
    put(fields, "created_at", body.get("created_at"));
    JsonNode payload = body.path("payload");
    put(fields, "invitee_uri", payload.get("uri"));
    for (String name : new String[] {"email", "name", "first_name", "last_name", "rescheduled"}) {
      put(fields, name, payload.get(name));
    }
    JsonNode booking = payload.path("scheduled_event");
    put(fields, "scheduled_event_uri", booking.get("uri"));
    put(fields, "event_name", booking.get("name"));
    put(fields, "start_time", booking.get("start_time"));
    for (String utm : UTM) {
      put(fields, utm, payload.path("tracking").get(utm));
    }
    return new CalendlyEvent(fields);
  }

  /** Scalars only, cut to what a column or a lead field takes; a NUL is never stored. */
  private static void put(Map<String, String> fields, String name, JsonNode value) {
    if (value != null && value.isValueNode() && !value.isNull()) {
      String text = value.asString().replace("\0", "");
      fields.put(name, text.length() > MAX_URI ? text.substring(0, MAX_URI) : text);
    }
  }

  String event() {
    return fields.get("event");
  }

  boolean used() {
    return CREATED.equals(event()) || CANCELED.equals(event());
  }

  /** Why LeadFlow cannot apply this invitee event, or empty when it can. */
  Optional<String> unusable() {
    if (inviteeUri() == null || bookingUri() == null) {
      return Optional.of("no invitee or scheduled event uri");
    }
    if (instant("created_at") == null || startTime() == null) {
      return Optional.of("no created_at or start_time");
    }
    return Optional.empty();
  }

  /** Deliveries of one event share it: the invitee and what happened to them. */
  String dedupeKey() {
    return "calendly:" + event() + ":" + inviteeUri();
  }

  String inviteeUri() {
    return usableUri(fields.get("invitee_uri"));
  }

  String bookingUri() {
    return usableUri(fields.get("scheduled_event_uri"));
  }

  Instant createdAt() {
    return instant("created_at");
  }

  Instant startTime() {
    return instant("start_time");
  }

  boolean rescheduled() {
    return "true".equalsIgnoreCase(fields.get("rescheduled"));
  }

  String email() {
    String email = fields.get("email");
    return email == null || email.isBlank() || email.length() > MAX_TEXT ? null : email.strip();
  }

  /** The invitee's name as given, else first and last, else their address. */
  String name() {
    String name = fields.get("name");
    if (name == null || name.isBlank()) {
      name = (fields.getOrDefault("first_name", "") + " " + fields.getOrDefault("last_name", "")).strip();
    }
    return name.isBlank() ? email() : cut(name.strip(), 200);
  }

  String eventName() {
    String name = fields.get("event_name");
    return name == null || name.isBlank() ? "Calendly meeting" : cut(name.strip(), 200);
  }

  String utm(String name) {
    String value = fields.get(name);
    return value == null || value.isBlank() ? null : cut(value.strip(), 200);
  }

  /** The lead id a LeadFlow booking link carried, when this booking came through one. */
  Optional<UUID> leadToken() {
    if (!LEADFLOW_SOURCE.equals(utm("utm_source")) || utm("utm_content") == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(utm("utm_content")));
    } catch (IllegalArgumentException notALeadId) {
      return Optional.empty();
    }
  }

  private Instant instant(String name) {
    String value = fields.get(name);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String usableUri(String uri) {
    return uri == null || uri.isBlank() || uri.length() >= MAX_URI ? null : uri;
  }

  private static String cut(String text, int max) {
    return text.length() > max ? text.substring(0, max) : text;
  }
}
