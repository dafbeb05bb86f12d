package io.leadflow.activities.enrichment;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ISO 3166 code of a country as a person typed it on a form: a code ("de", "DEU") or its
 * English name ("Germany", "united states"), from the JDK's own country list, plus the few
 * everyday names that list lacks (USA, UK). Anything else is not a country we can place.
 */
final class StatedCountry {

  private static final Map<String, String> CODES = codes();

  private StatedCountry() {}

  static Optional<String> isoCode(String stated) {
    if (stated == null || stated.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(CODES.get(normalized(stated)));
  }

  private static Map<String, String> codes() {
    Map<String, String> codes = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale country = new Locale("", code);
      codes.put(normalized(code), code);
      codes.put(normalized(country.getISO3Country()), code);
      codes.put(normalized(country.getDisplayCountry(Locale.ENGLISH)), code);
    }
    Map.of(
            "usa", "US", "united states of america", "US", "america", "US",
            "uk", "GB", "great britain", "GB", "england", "GB", "scotland", "GB", "wales", "GB")
        .forEach(codes::put);
    return Map.copyOf(codes);
  }

  private static String normalized(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace(".", "").replaceAll("\\s+", " ").strip();
  }
}
