package io.leadflow.activities.enrichment;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a phone number lives, from libphonenumber's offline data: country, US state, time zones. */
public record PhoneLocation(String e164, String country, String region, List<String> timeZones) {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern STATE_SUFFIX = Pattern.compile(", ([A-Z]{2})$");
  private static final Map<String, String> US_STATES =
      Map.ofEntries(
          Map.entry("Alabama", "AL"), Map.entry("Alaska", "AK"), Map.entry("Arizona", "AZ"),
          Map.entry("Arkansas", "AR"), Map.entry("California", "CA"), Map.entry("Colorado", "CO"),
          Map.entry("Connecticut", "CT"), Map.entry("Delaware", "DE"), Map.entry("Florida", "FL"),
          Map.entry("Georgia", "GA"), Map.entry("Hawaii", "HI"), Map.entry("Idaho", "ID"),
          Map.entry("Illinois", "IL"), Map.entry("Indiana", "IN"), Map.entry("Iowa", "IA"),
          Map.entry("Kansas", "KS"), Map.entry("Kentucky", "KY"), Map.entry("Louisiana", "LA"),
          Map.entry("Maine", "ME"), Map.entry("Maryland", "MD"), Map.entry("Massachusetts", "MA"),
          Map.entry("Michigan", "MI"), Map.entry("Minnesota", "MN"), Map.entry("Mississippi", "MS"),
          Map.entry("Missouri", "MO"), Map.entry("Montana", "MT"), Map.entry("Nebraska", "NE"),
          Map.entry("Nevada", "NV"), Map.entry("New Hampshire", "NH"), Map.entry("New Jersey", "NJ"),
          Map.entry("New Mexico", "NM"), Map.entry("New York", "NY"), Map.entry("North Carolina", "NC"),
          Map.entry("North Dakota", "ND"), Map.entry("Ohio", "OH"), Map.entry("Oklahoma", "OK"),
          Map.entry("Oregon", "OR"), Map.entry("Pennsylvania", "PA"), Map.entry("Rhode Island", "RI"),
          Map.entry("South Carolina", "SC"), Map.entry("South Dakota", "SD"), Map.entry("Tennessee", "TN"),
          Map.entry("Texas", "TX"), Map.entry("Utah", "UT"), Map.entry("Vermont", "VT"),
          Map.entry("Virginia", "VA"), Map.entry("Washington", "WA"), Map.entry("Washington State", "WA"),
          Map.entry("West Virginia", "WV"),
          Map.entry("Wisconsin", "WI"), Map.entry("Wyoming", "WY"), Map.entry("Washington D.C.", "DC"));

  /** Empty when the text is not a valid number (in {@code defaultRegion} when it has no +). */
  public static Optional<PhoneLocation> of(String phone, String defaultRegion) {
    PhoneNumber number;
    try {
      number = PHONES.parse(phone, defaultRegion);
    } catch (NumberParseException e) {
      return Optional.empty();
    }
    if (!PHONES.isValidNumber(number)) {
      return Optional.empty();
    }
    String country = PHONES.getRegionCodeForNumber(number);
    List<String> zones =
        PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number).stream()
            .filter(zone -> !zone.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()))
            .toList();
    return Optional.of(
        new PhoneLocation(
            PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
            country,
            "US".equals(country) ? usState(number) : null,
            zones));
  }

  private static String usState(PhoneNumber number) {
    String place = PhoneNumberOfflineGeocoder.getInstance().getDescriptionForNumber(number, Locale.ENGLISH);
    Matcher suffix = STATE_SUFFIX.matcher(place);
    return suffix.find() ? suffix.group(1) : US_STATES.get(place);
  }
}
