package io.leadflow.activities.routing;

import java.util.List;
import java.util.Locale;

/**
 * What a territory or a skill rule covers: countries, country-regions ("US-CA"), a company-size
 * segment and interest keywords. Every criterion given must match; none given matches every lead.
 * A criterion on something unknown about the lead (no country, no size) does not match.
 */
record Criteria(List<String> countries, List<String> regions, Integer minEmployees, Integer maxEmployees, List<String> interestKeywords) {

  Criteria {
    countries = List.copyOf(countries);
    regions = List.copyOf(regions);
    interestKeywords = List.copyOf(interestKeywords);
  }

  boolean matches(LeadProfile lead) {
    return (countries.isEmpty() || (lead.country() != null && containsIgnoringCase(countries, lead.country())))
        && (regions.isEmpty() || (lead.region() != null && containsIgnoringCase(regions, lead.region())))
        && (minEmployees == null || (lead.employees() != null && lead.employees() >= minEmployees))
        && (maxEmployees == null || (lead.employees() != null && lead.employees() <= maxEmployees))
        && (interestKeywords.isEmpty() || (lead.interest() != null && mentionsAny(lead.interest(), interestKeywords)));
  }

  private static boolean containsIgnoringCase(List<String> values, String value) {
    return values.stream().anyMatch(value::equalsIgnoreCase);
  }

  private static boolean mentionsAny(String text, List<String> keywords) {
    String lower = text.toLowerCase(Locale.ROOT);
    return keywords.stream().anyMatch(k -> lower.contains(k.toLowerCase(Locale.ROOT)));
  }
}
