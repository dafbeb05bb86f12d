package io.leadflow.api.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * SendGrid's signed Event Webhook: an ECDSA (P-256, SHA-256) signature over the timestamp header
 * followed by the raw body bytes, checked with the verification key from SendGrid's settings,
 * and a timestamp inside the replay window.
 */
final class SendGridSignature {

  private SendGridSignature() {}

  static void verify(String publicKeyBase64, String signatureBase64, String timestamp, byte[] body, Duration window) {
    if (publicKeyBase64 == null) {
      throw new WebhookRejected("SendGrid event webhooks are not configured (leadflow.webhooks.sendgrid-verification-key).");
    }
    if (signatureBase64 == null || timestamp == null) {
      throw new WebhookRejected("The SendGrid signature headers are missing.");
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    } catch (NumberFormatException e) {
      throw new WebhookRejected("The SendGrid timestamp is not a number.");
    }
    if (Duration.between(signedAt, Instant.now()).abs().compareTo(window) > 0) {
      throw new WebhookRejected("The SendGrid timestamp is outside the replay window.");
    }
    try {
      PublicKey key =
          KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initVerify(key);
      ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
      ecdsa.update(body);
      if (!ecdsa.verify(Base64.getDecoder().decode(signatureBase64))) {
        throw new WebhookRejected("The SendGrid signature does not match this request.");
      }
    } catch (IllegalArgumentException | GeneralSecurityException malformed) {
      throw new WebhookRejected("The SendGrid signature could not be read.");
    }
  }
}
