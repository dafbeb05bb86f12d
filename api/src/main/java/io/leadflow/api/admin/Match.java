package io.leadflow.api.admin;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * Which leads a territory or a skill covers: every criterion given must match, none given matches
 * every lead. Countries are ISO codes ("DE"), regions country-state ("US-CA").
 */
record Match(
    @Size(max = 250) List<@Pattern(regexp = "[A-Za-z]{2}", message = "an ISO 3166 country code, e.g. DE") String> countries,
    @Size(max = 250) List<@Pattern(regexp = "[A-Za-z]{2}-[A-Za-z0-9]{1,3}", message = "country-region, e.g. US-CA") String> regions,
    @Min(0) @Max(10_000_000) Integer minEmployees,
    @Min(0) @Max(10_000_000) Integer maxEmployees,
    @Size(max = 50) List<@NotBlank @Size(max = 100) String> interestKeywords) {

  static final Match ANY = new Match(null, null, null, null, null);

  Match {
    countries = upper(countries);
    regions = upper(regions);
    interestKeywords = interestKeywords == null ? List.of() : interestKeywords.stream().map(k -> k == null ? null : k.strip()).toList();
  }

  @AssertTrue(message = "minEmployees must not exceed maxEmployees")
  boolean isSizeRangeOrdered() {
    return minEmployees == null || maxEmployees == null || minEmployees <= maxEmployees;
  }

  boolean isEmpty() {
    return countries.isEmpty() && regions.isEmpty() && minEmployees == null && maxEmployees == null && interestKeywords.isEmpty();
  }

  private static List<String> upper(List<String> codes) {
    return codes == null ? List.of() : codes.stream().map(c -> c == null ? null : c.toUpperCase(Locale.ROOT)).toList();
  }
}
