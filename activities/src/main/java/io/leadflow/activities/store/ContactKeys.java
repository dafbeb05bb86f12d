package io.leadflow.activities.store;

import java.util.Locale;

/**
 * How the store recognises the same person twice: a hash of the normalized email and of the
 * normalized phone (digits, with the leading + kept). Null when the contact is absent.
 */
public record ContactKeys(String email, String phone) {

  public static ContactKeys of(String email, String phone) {
    return new ContactKeys(
        email == null || email.isBlank() ? null : Sha256.hex("email:" + email.strip().toLowerCase(Locale.ROOT)),
        phone == null || phone.isBlank() ? null : Sha256.hex("phone:" + normalizePhone(phone)));
  }

  static String normalizePhone(String phone) {
    String digits = phone.replaceAll("[^0-9]", "");
    return phone.strip().startsWith("+") ? "+" + digits : digits;
  }

}
