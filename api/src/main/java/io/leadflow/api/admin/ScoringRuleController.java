package io.leadflow.api.admin;

import io.leadflow.activities.scoring.RuleGroup;
import io.leadflow.activities.scoring.RuleSet;
import io.leadflow.activities.scoring.ScoringRule;
import io.leadflow.activities.scoring.ScoringRuleBook;
import io.leadflow.activities.scoring.Signal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scoring rules (ADMIN). {@code PUT} replaces the whole list, which then applies to every later
 * score instead of the configured rules; {@code DELETE} goes back to the configured ones. A rule on
 * signal {@code ATTRIBUTE} names the custom attribute it reads ({@code "attribute": "budget"}).
 * Tiers and decay are configuration ({@code leadflow.scoring.tiers|decay}) and shown here.
 */
@RestController
@RequestMapping("/api/v1/admin/scoring-rules")
class ScoringRuleController {

  record RuleRequest(
      @NotNull RuleGroup group,
      @NotNull Signal signal,
      @Size(max = 100) List<@NotBlank @Size(max = 100) String> any,
      @Size(max = 100) List<@NotBlank @Size(max = 100) String> none,
      Integer min,
      Integer max,
      @NotNull @Min(-100) @Max(100) Integer points,
      @NotBlank @Size(max = 100) String reason,
      @Size(max = 64) String attribute) {}

  record RulesRequest(@NotEmpty @Size(max = 200) List<@Valid @NotNull RuleRequest> rules) {}

  record RuleSetView(RuleSet.Source source, int hotFrom, int warmFrom, long halveAfterDays, long resetAfterDays, List<ScoringRule> rules) {

    static RuleSetView of(RuleSet rules) {
      return new RuleSetView(
          rules.source(),
          rules.tiers().hotFrom(),
          rules.tiers().warmFrom(),
          rules.decay().halveAfter().toDays(),
          rules.decay().resetAfter().toDays(),
          rules.rules());
    }
  }

  private final ScoringRuleBook book;

  ScoringRuleController(ScoringRuleBook book) {
    this.book = book;
  }

  @GetMapping
  RuleSetView current() {
    return RuleSetView.of(book.current());
  }

  @PutMapping
  RuleSetView replace(@Valid @RequestBody RulesRequest request) {
    List<ScoringRule> rules = new ArrayList<>();
    Map<String, String> errors = new TreeMap<>();
    for (int i = 0; i < request.rules().size(); i++) {
      RuleRequest rule = request.rules().get(i);
      try {
        rules.add(new ScoringRule(rule.group(), rule.signal(), rule.any(), rule.none(), rule.min(), rule.max(), rule.points(), rule.reason().strip(),
            rule.attribute() == null ? null : rule.attribute().strip()));
      } catch (IllegalArgumentException e) {
        errors.put("rules[" + i + "]", e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw AdminProblems.invalid(errors);
    }
    return RuleSetView.of(book.replace(rules));
  }

  @DeleteMapping
  RuleSetView backToConfiguration() {
    return RuleSetView.of(book.replace(List.of()));
  }
}
