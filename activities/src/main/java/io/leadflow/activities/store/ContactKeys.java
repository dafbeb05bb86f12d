package io.leadflow.activities.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How the store recognises the same person twice: a hash of the normalized email and of the
 * normalized phone (digits, with the leading + kept). Null when the contact is absent.
 */
public record ContactKeys(String email, String phone) {

  public static ContactKeys of(String email, String phone) {
    return new ContactKeys(
        email == null || email.isBlank() ? null : hash("email:" + email.strip().toLowerCase(Locale.ROOT)),
        phone == null || phone.isBlank() ? null : hash("phone:" + normalizePhone(phone)));
  }

  static String normalizePhone(String phone) {
    String digits = phone.replaceAll("[^0-9]", "");
    return phone.strip().startsWith("+") ? "+" + digits : digits;
  }

  private static String hash(String value) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
