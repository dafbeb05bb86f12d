package io.leadflow.activities.scoring;

import io.leadflow.workflows.LeadScore;
import io.leadflow.workflows.ScoreRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a lead with a rule set: pure computation, the same request always gives the same score.
 * Rules are taken in their order; within a group each signal scores once per fact (the first
 * matching rule), so a ladder such as demo 30 > pricing 20 > contact 10 gives one rung. A rule
 * scores at most {@link #TIMES_PER_RULE} facts: a person repeating one thing (a form sent again
 * and again) cannot climb without bound, and the explanation stays short.
 */
final class ScoringEngine {

  static final int TIMES_PER_RULE = 3;

  /** {@code attribute}: an ATTRIBUTE rule's attribute, lower-case (each is a signal of its own); null for other signals. */
  private record Key(RuleGroup group, Signal signal, String attribute) {}

  private final Map<Key, List<ScoringRule>> rules = new LinkedHashMap<>();
  private final Tiers tiers;
  private final Decay decay;

  ScoringEngine(List<ScoringRule> rules, Tiers tiers, Decay decay) {
    rules.forEach(rule -> this.rules.computeIfAbsent(keyOf(rule), k -> new ArrayList<>()).add(rule));
    this.tiers = tiers;
    this.decay = decay;
  }

  ScoringEngine(RuleSet rules) {
    this(rules.rules(), rules.tiers(), rules.decay());
  }

  LeadScore score(ScoreRequest request) {
    LeadFacts facts = new LeadFacts(request);
    Decay.Timeline timeline = decay.timeline(facts.activity(), request.asOf());
    List<String> breakdown = new ArrayList<>();
    int total = 0;
    for (Map.Entry<Key, List<ScoringRule>> family : rules.entrySet()) {
      boolean behavioural = family.getKey().group().behavioural();
      Map<ScoringRule, Integer> times = new LinkedHashMap<>();
      for (LeadFacts.Fact fact : facts.of(family.getKey().signal(), family.getKey().attribute())) {
        ScoringRule rule = family.getValue().stream().filter(r -> r.matches(fact.value())).findFirst().orElse(null);
        if (rule == null || times.merge(rule, 1, Integer::sum) > TIMES_PER_RULE) {
          continue;
        }
        Decay.Effect effect = behavioural ? timeline.apply(rule.points(), fact.at()) : new Decay.Effect(rule.points(), null);
        total += effect.points();
        breakdown.add(signed(effect.points()) + " " + rule.reason() + (effect.note() == null ? "" : " (" + effect.note() + ")"));
      }
      times.forEach((rule, count) -> {
        if (count > TIMES_PER_RULE) {
          breakdown.add("+0 " + rule.reason() + " × " + (count - TIMES_PER_RULE) + " more (" + TIMES_PER_RULE + " count)");
        }
      });
    }
    return new LeadScore(total, tiers.tierOf(total), breakdown, request.asOf());
  }

  private static Key keyOf(ScoringRule rule) {
    return new Key(rule.group(), rule.signal(), rule.attribute() == null ? null : rule.attribute().toLowerCase(Locale.ROOT));
  }

  private static String signed(int points) {
    return (points >= 0 ? "+" : "") + points;
  }
}
