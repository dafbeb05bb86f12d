package io.leadflow.api.capture;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Map;

/**
 * A lead's phone as LeadFlow calls and texts it: E.164 for storage and dedupe ("(212) 555-0100"
 * with default region US is "+12125550100"), and only a kind of number a person answers.
 * Premium-rate, shared-cost and personal numbers bill the caller (SMS pumping and toll fraud
 * live on them); pagers, voicemail access and universal access numbers take no texts or calls
 * from a sales rep. libphonenumber tells them apart by number plan, per country.
 */
public final class PhoneNumbers {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /** Numbers we never call or text, and why. */
  private static final Map<PhoneNumberType, String> REFUSED =
      Map.of(
          PhoneNumberType.PREMIUM_RATE, "is a premium-rate number",
          PhoneNumberType.SHARED_COST, "is a shared-cost number",
          PhoneNumberType.PERSONAL_NUMBER, "is a personal (forwarding) number, billed to the caller",
          PhoneNumberType.UAN, "is a universal access number, not a person's phone",
          PhoneNumberType.PAGER, "is a pager",
          PhoneNumberType.VOICEMAIL, "is a voicemail access number");

  private PhoneNumbers() {}

  /** The number in E.164, or why it cannot be a lead's phone. */
  public record Checked(String e164, String problem) {}

  public static Checked check(String phone, String defaultRegion) {
    PhoneNumber number;
    try {
      number = PHONES.parse(phone, defaultRegion);
    } catch (NumberParseException e) {
      return invalid(defaultRegion);
    }
    if (!PHONES.isValidNumber(number)) {
      return invalid(defaultRegion);
    }
    String refused = REFUSED.get(PHONES.getNumberType(number));
    if (refused != null) {
      return new Checked(null, refused + ": LeadFlow does not call or text it");
    }
    return new Checked(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), null);
  }

  private static Checked invalid(String defaultRegion) {
    return new Checked(null, "is not a valid phone number (default region " + defaultRegion + ")");
  }
}
