package io.leadflow.activities.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one HMAC LeadFlow signs and checks with: HMAC-SHA256 of the parts in order, and a
 * constant-time comparison, so how much of a forged signature matches tells an attacker nothing.
 */
public final class HmacSha256 {

  private HmacSha256() {}

  public static byte[] of(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The HMAC with a text key (UTF-8), as providers hand out their signing secrets. */
  public static byte[] of(String key, byte[]... parts) {
    return of(key.getBytes(StandardCharsets.UTF_8), parts);
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Constant time in the length of {@code expected}. */
  public static boolean matches(byte[] expected, byte[] given) {
    return MessageDigest.isEqual(expected, given);
  }
}
