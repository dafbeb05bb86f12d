package io.leadflow.activities.outreach.sendgrid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * SendGrid's signed Event Webhook: an ECDSA (P-256, SHA-256) signature over the timestamp header
 * followed by the raw body bytes, checked with the verification key from SendGrid's settings,
 * and a timestamp inside the replay window.
 */
public final class SendGridSignature {

  private SendGridSignature() {}

  /**
   * @param publicKeyBase64 {@link SendGridProperties#verificationKey()}
   * @return why the request is not provably SendGrid's, or empty when it is
   */
  public static Optional<String> rejection(
      String publicKeyBase64, String signatureBase64, String timestamp, byte[] body, Duration window) {
    if (publicKeyBase64 == null || publicKeyBase64.isBlank()) {
      return Optional.of("SendGrid event webhooks are not configured (leadflow.webhooks.sendgrid-verification-key).");
    }
    if (signatureBase64 == null || timestamp == null) {
      return Optional.of("The SendGrid signature headers are missing.");
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    } catch (NumberFormatException e) {
      return Optional.of("The SendGrid timestamp is not a number.");
    }
    if (Duration.between(signedAt, Instant.now()).abs().compareTo(window) > 0) {
      return Optional.of("The SendGrid timestamp is outside the replay window.");
    }
    try {
      PublicKey key =
          KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initVerify(key);
      ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
      ecdsa.update(body);
      if (!ecdsa.verify(Base64.getDecoder().decode(signatureBase64))) {
        return Optional.of("The SendGrid signature does not match this request.");
      }
    } catch (IllegalArgumentException | GeneralSecurityException malformed) {
      return Optional.of("The SendGrid signature could not be read.");
    }
    return Optional.empty();
  }
}
