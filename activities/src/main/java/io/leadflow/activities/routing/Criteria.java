package io.leadflow.activities.routing;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * What a territory or a skill rule covers: countries (ISO codes, "DE"), country-regions
 * ("US-CA"), a company-size segment and interest keywords. Every criterion given must match; none
 * given matches every lead. A criterion on something unknown about the lead (no country, no size)
 * does not match. Codes are kept upper-case and keywords stripped.
 */
public record Criteria(
    @Size(max = 250) List<@NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "an ISO 3166 country code, e.g. DE") String> countries,
    @Size(max = 250) List<@NotNull @Pattern(regexp = "[A-Za-z]{2}-[A-Za-z0-9]{1,3}", message = "country-region, e.g. US-CA") String> regions,
    @Min(0) @Max(10_000_000) Integer minEmployees,
    @Min(0) @Max(10_000_000) Integer maxEmployees,
    @Size(max = 50) List<@NotBlank @Size(max = 100) String> interestKeywords) {

  public static final Criteria ANY = new Criteria(null, null, null, null, null);

  public Criteria {
    countries = upper(countries);
    regions = upper(regions);
    interestKeywords = interestKeywords == null ? List.of() : interestKeywords.stream().map(k -> k == null ? null : k.strip()).toList();
  }

  @AssertTrue(message = "minEmployees must not exceed maxEmployees")
  boolean isSizeRangeOrdered() {
    return minEmployees == null || maxEmployees == null || minEmployees <= maxEmployees;
  }

  /** No criterion given. (Not {@code isEmpty}: a public getter would be one more JSON property.) */
  public boolean coversEveryLead() {
    return countries.isEmpty() && regions.isEmpty() && minEmployees == null && maxEmployees == null && interestKeywords.isEmpty();
  }

  boolean matches(LeadProfile lead) {
    return (countries.isEmpty() || (lead.country() != null && containsIgnoringCase(countries, lead.country())))
        && (regions.isEmpty() || (lead.region() != null && containsIgnoringCase(regions, lead.region())))
        && (minEmployees == null || (lead.employees() != null && lead.employees() >= minEmployees))
        && (maxEmployees == null || (lead.employees() != null && lead.employees() <= maxEmployees))
        && (interestKeywords.isEmpty() || (lead.interest() != null && mentionsAny(lead.interest(), interestKeywords)));
  }

  private static List<String> upper(List<String> codes) {
    return codes == null ? List.of() : codes.stream().map(c -> c == null ? null : c.toUpperCase(Locale.ROOT)).toList();
  }

  private static boolean containsIgnoringCase(List<String> values, String value) {
    return values.stream().anyMatch(value::equalsIgnoreCase);
  }

  private static boolean mentionsAny(String text, List<String> keywords) {
    String lower = text.toLowerCase(Locale.ROOT);
    return keywords.stream().anyMatch(k -> lower.contains(k.toLowerCase(Locale.ROOT)));
  }
}
