package io.leadflow.api.intake;

import io.leadflow.activities.store.HmacSha256;
import io.leadflow.activities.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Whether a delivery was signed with its source's secret ({@link IntakeScheme}), checked over the
 * raw bytes before anything parses them, comparing in constant time. A signed delivery gets a key
 * that names it: the same signed bytes delivered again have the same key (a replay, or the tool's
 * retry), so they are remembered as one delivery.
 */
final class IntakeSignature {

  static final String LEADFLOW_HEADER = "X-LeadFlow-Signature";
  static final String TYPEFORM_HEADER = "Typeform-Signature";

  /** The delivery's key when the signature holds, otherwise why it does not. */
  record Checked(String deliveryKey, String rejection) {

    static Checked refused(String why) {
      return new Checked(null, why);
    }
  }

  private IntakeSignature() {}

  static Checked check(
      IntakeScheme scheme, String secret, String leadFlowHeader, String typeformHeader, byte[] body, Duration tolerance, Instant now) {
    return scheme == IntakeScheme.TYPEFORM
        ? typeform(secret, typeformHeader, body)
        : leadFlow(secret, leadFlowHeader, body, tolerance, now);
  }

  private static Checked leadFlow(String secret, String header, byte[] body, Duration tolerance, Instant now) {
    if (header == null || header.isBlank()) {
      return Checked.refused("The " + LEADFLOW_HEADER + " header is missing.");
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
      return Checked.refused("The " + LEADFLOW_HEADER + " header has no t or no v1.");
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (NumberFormatException | DateTimeException e) {
      return Checked.refused("The signature's t is not a number of seconds since 1970.");
    }
    if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
      return Checked.refused(
          "The signature's t is more than " + tolerance.toSeconds() + " seconds from now: sign each delivery when sending it.");
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(v1);
    } catch (IllegalArgumentException notHex) {
      return Checked.refused("The signature's v1 is not hex.");
    }
    byte[] signed = HmacSha256.utf8(timestamp + ".");
    if (!HmacSha256.matches(HmacSha256.of(secret, signed, body), given)) {
      return Checked.refused("The signature does not match this delivery and the source's secret.");
    }
    return new Checked(Sha256.hex("v1:" + timestamp + "." + new String(body, StandardCharsets.ISO_8859_1)), null);
  }

  private static Checked typeform(String secret, String header, byte[] body) {
    if (header == null || !header.startsWith("sha256=")) {
      return Checked.refused("The " + TYPEFORM_HEADER + " header is missing or not sha256=<base64>.");
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring("sha256=".length()).strip());
    } catch (IllegalArgumentException notBase64) {
      return Checked.refused("The Typeform signature is not base64.");
    }
    if (!HmacSha256.matches(HmacSha256.of(secret, body), given)) {
      return Checked.refused("The signature does not match this delivery and the source's secret.");
    }
    return new Checked(Sha256.hex("typeform:" + new String(body, StandardCharsets.ISO_8859_1)), null);
  }
}
