package io.leadflow.api.webhooks;

import io.leadflow.activities.store.HmacSha256;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Calendly's signed webhooks: {@code Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex>}, where
 * v1 is the HMAC-SHA256 of {@code "<t>.<raw body>"} with the webhook signing key, and t within
 * the tolerance of now (an older one may be a replay; one far ahead was not sent by Calendly).
 */
final class CalendlySignature {

  private CalendlySignature() {}

  /** Why the request is not provably Calendly's, or empty when it is. */
  static Optional<String> rejection(String signingKey, String header, byte[] body, Duration tolerance, Instant now) {
    if (signingKey == null || signingKey.isBlank()) {
      return Optional.of("Calendly webhooks are not configured (leadflow.calendly.signing-key).");
    }
    if (header == null || header.isBlank()) {
      return Optional.of("The Calendly-Webhook-Signature header is missing.");
    }
    String timestamp = null;
    String v1 = null;
    for (String part : header.split(",")) {
      int equals = part.indexOf('=');
      String name = equals < 0 ? part.strip() : part.substring(0, equals).strip();
      String value = equals < 0 ? "" : part.substring(equals + 1).strip();
      if (name.equals("t")) {
        timestamp = value;
      } else if (name.equals("v1")) {
        v1 = value;
      }
    }
    if (timestamp == null || v1 == null) {
      return Optional.of("The Calendly-Webhook-Signature header has no t or no v1.");
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.of("The Calendly signature's timestamp is not a number of seconds.");
    }
    if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
      return Optional.of("The Calendly signature's timestamp is outside the tolerance of " + tolerance.toSeconds() + " seconds.");
    }
    byte[] expected = hmac(signingKey, timestamp, body);
    byte[] given;
    try {
      given = HexFormat.of().parseHex(v1);
    } catch (IllegalArgumentException notHex) {
      return Optional.of("The Calendly signature is not hex.");
    }
    return HmacSha256.matches(expected, given)
        ? Optional.empty()
        : Optional.of("The Calendly signature does not match this request.");
  }

  static byte[] hmac(String signingKey, String timestamp, byte[] body) {
    return HmacSha256.of(signingKey, HmacSha256.utf8(timestamp + "."), body);
  }
}
