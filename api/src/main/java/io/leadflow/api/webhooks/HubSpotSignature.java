package io.leadflow.api.webhooks;

import io.leadflow.activities.store.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HubSpot's v3 request signature: {@code X-HubSpot-Signature-v3} is Base64(HMAC-SHA256(client
 * secret, method + URI + body + timestamp)), the timestamp being {@code X-HubSpot-Request-Timestamp}
 * (epoch milliseconds). HubSpot says to refuse a timestamp older than 5 minutes, and signs the URI
 * with the characters of {@link #DECODED} percent-decoded. The body is the raw bytes received.
 */
final class HubSpotSignature {

  static final Duration WINDOW = Duration.ofMinutes(5);

  /** The encodings HubSpot decodes in the URI before signing it (its request validation docs). */
  private static final Map<String, String> DECODED =
      Map.ofEntries(
          Map.entry("3A", ":"), Map.entry("2F", "/"), Map.entry("3F", "?"), Map.entry("40", "@"),
          Map.entry("21", "!"), Map.entry("24", "$"), Map.entry("27", "'"), Map.entry("28", "("),
          Map.entry("29", ")"), Map.entry("2A", "*"), Map.entry("2C", ","), Map.entry("3B", ";"));

  private static final Pattern ENCODED = Pattern.compile("%([0-9A-Fa-f]{2})");

  private HubSpotSignature() {}

  /** Why the request is refused, or empty when it is HubSpot's and fresh. */
  static Optional<String> rejection(
      String clientSecret, String webhookUrl, String method, byte[] body, String signature, String timestamp, Instant now) {
    if (clientSecret == null || clientSecret.isBlank() || webhookUrl == null || webhookUrl.isBlank()) {
      return Optional.of("HubSpot webhooks are not configured (leadflow.crm.hubspot.client-secret and webhook-url).");
    }
    if (signature == null || signature.isBlank() || timestamp == null) {
      return Optional.of("The request has no X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp.");
    }
    long millis;
    try {
      millis = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Optional.of("X-HubSpot-Request-Timestamp is not a time in milliseconds.");
    }
    Duration age = Duration.ofMillis(now.toEpochMilli() - millis);
    if (age.compareTo(WINDOW) > 0 || age.negated().compareTo(WINDOW) > 0) {
      return Optional.of("The request is signed for another time than now (more than 5 minutes apart); it may be a replay.");
    }
    byte[] expected = sign(clientSecret, method + signedUri(webhookUrl.strip()), body, timestamp.strip());
    return HmacSha256.matches(expected, signature.strip().getBytes(StandardCharsets.UTF_8))
        ? Optional.empty()
        : Optional.of("The HubSpot signature does not match.");
  }

  /** The URI as HubSpot signs it. */
  static String signedUri(String uri) {
    Matcher encoded = ENCODED.matcher(uri);
    StringBuilder decoded = new StringBuilder();
    while (encoded.find()) {
      String code = encoded.group(1).toUpperCase(java.util.Locale.ROOT);
      encoded.appendReplacement(decoded, Matcher.quoteReplacement(DECODED.getOrDefault(code, encoded.group())));
    }
    return encoded.appendTail(decoded).toString();
  }

  /** The Base64 signature, as bytes of its text. */
  static byte[] sign(String clientSecret, String methodAndUri, byte[] body, String timestamp) {
    return Base64.getEncoder().encode(HmacSha256.of(clientSecret, HmacSha256.utf8(methodAndUri), body, HmacSha256.utf8(timestamp)));
  }
}
