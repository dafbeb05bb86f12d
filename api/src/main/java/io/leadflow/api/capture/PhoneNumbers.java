package io.leadflow.api.capture;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/** E.164 for storage and dedupe: "(212) 555-0100" with default region US is "+12125550100". */
final class PhoneNumbers {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  static Optional<String> toE164(String phone, String defaultRegion) {
    try {
      var number = PHONES.parse(phone, defaultRegion);
      return PHONES.isValidNumber(number)
          ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
