package io.leadflow.activities.scoring;

import io.leadflow.activities.enrichment.FreeMail;
import io.leadflow.workflows.EngagementEvent;
import io.leadflow.workflows.LeadScore;
import io.leadflow.workflows.ScoreRequest;
import io.leadflow.workflows.ScoringActivities;
import io.leadflow.workflows.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Baseline rules so the lifecycle runs end to end: intent from the stated interest, contact
 * quality, and engagement. The configurable engine (fit, decay, negative rules, tiers from
 * config) replaces these in the engines issue. Deterministic: same input, same score. A company
 * email only counts when enrichment found the domain; the free-mail penalty is read from the
 * address itself, so an enrichment outage leaves the score neutral rather than penalised.
 */
@Component("scoringActivities")
class ScoringActivitiesImpl implements ScoringActivities {

  static final int HOT_FROM = 35;
  static final int WARM_FROM = 15;

  @Override
  public LeadScore score(ScoreRequest request) {
    List<String> breakdown = new ArrayList<>();
    int total = 0;
    total += add(breakdown, intent(request.lead().interest()));
    if (request.lead().hasPhone()) {
      total += add(breakdown, new Rule(5, "phone given"));
    }
    if (request.enriched() != null && request.enriched().companyDomain() != null) {
      total += add(breakdown, new Rule(10, "company email domain"));
    } else if (FreeMail.isFreeMail(request.lead().email())) {
      total += add(breakdown, new Rule(-5, "free-mail address"));
    }
    for (EngagementEvent event : request.engagements()) {
      total += add(breakdown, engagement(event));
    }
    return new LeadScore(total, tierOf(total), breakdown);
  }

  static Tier tierOf(int total) {
    return total >= HOT_FROM ? Tier.HOT : total >= WARM_FROM ? Tier.WARM : Tier.COLD;
  }

  private record Rule(int points, String reason) {}

  private static Rule intent(String interest) {
    String text = interest == null ? "" : interest.toLowerCase(Locale.ROOT);
    if (text.contains("demo")) {
      return new Rule(30, "demo request");
    }
    if (text.contains("quote")) {
      return new Rule(30, "quote request");
    }
    if (text.contains("pricing")) {
      return new Rule(20, "pricing interest");
    }
    if (text.contains("contact")) {
      return new Rule(10, "contact form");
    }
    return new Rule(5, "general interest");
  }

  private static Rule engagement(EngagementEvent event) {
    return switch (event.type()) {
      case "pricing-page-visit" -> new Rule(10, "pricing page visit");
      case "form-fill" -> new Rule(15, "returned with another form");
      default -> new Rule(5, event.type());
    };
  }

  private static int add(List<String> breakdown, Rule rule) {
    breakdown.add((rule.points() >= 0 ? "+" : "") + rule.points() + " " + rule.reason());
    return rule.points();
  }
}
