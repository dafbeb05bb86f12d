package io.leadflow.activities.scoring;

import static io.leadflow.activities.scoring.RuleGroup.ENGAGEMENT;
import static io.leadflow.activities.scoring.RuleGroup.FIT;
import static io.leadflow.activities.scoring.RuleGroup.INTENT;
import static io.leadflow.activities.scoring.RuleGroup.NEGATIVE;
import static io.leadflow.activities.scoring.RuleGroup.SOURCE;
import static io.leadflow.activities.scoring.RuleGroup.URGENCY;

import java.util.List;

/**
 * Our playbook's rules, used when {@code leadflow.scoring.rules} is not configured and the admin
 * API saved none. Competitors and the service area are company-specific: they have no default
 * (docs/scoring-and-routing.md shows how to add them).
 */
final class DefaultScoringRules {

  private DefaultScoringRules() {}

  static final List<ScoringRule> RULES =
      List.of(
          any(INTENT, Signal.INTEREST, 30, "demo request", "demo"),
          any(INTENT, Signal.INTEREST, 30, "quote request", "quote", "proposal"),
          any(INTENT, Signal.INTEREST, 20, "pricing interest", "pricing", "price", "cost"),
          any(INTENT, Signal.INTEREST, 10, "contact form", "contact", "call me", "talk to sales", "question"),
          any(INTENT, Signal.INTEREST, 5, "content download", "download", "ebook", "e-book", "whitepaper", "guide", "report", "webinar"),
          any(URGENCY, Signal.TIMELINE, 15, "wants to start now", "asap", "urgent", "immediately", "today", "this week"),
          any(URGENCY, Signal.TIMELINE, 10, "timeline this month", "this month", "next month", "30 days"),
          any(URGENCY, Signal.TIMELINE, 5, "timeline this quarter", "this quarter", "next quarter", "90 days"),
          // A caller nobody answered is waiting for a call back: HOT on its own (35).
          flag(URGENCY, Signal.MISSED_CALL, 35, "missed call"),
          any(FIT, Signal.SENIORITY, 15, "C-level title", "C_LEVEL"),
          any(FIT, Signal.SENIORITY, 12, "VP title", "VP"),
          any(FIT, Signal.SENIORITY, 10, "director title", "DIRECTOR"),
          any(FIT, Signal.SENIORITY, 5, "manager title", "MANAGER"),
          range(FIT, Signal.EMPLOYEES, 1000, null, 15, "1000+ employees"),
          range(FIT, Signal.EMPLOYEES, 200, 999, 10, "200-999 employees"),
          range(FIT, Signal.EMPLOYEES, 50, 199, 5, "50-199 employees"),
          any(FIT, Signal.EMAIL, 10, "company email domain", "BUSINESS"),
          flag(FIT, Signal.PHONE, 5, "phone given"),
          any(ENGAGEMENT, Signal.ENGAGEMENT, 15, "returned with another form", "form-fill"),
          any(ENGAGEMENT, Signal.ENGAGEMENT, 10, "pricing page visit", "pricing-page-visit"),
          any(ENGAGEMENT, Signal.ENGAGEMENT, 5, "returning visitor", "returning-visit", "site-visit"),
          any(ENGAGEMENT, Signal.ENGAGEMENT, 5, "other engagement", "*"),
          any(SOURCE, Signal.SOURCE, 10, "referral", "referral"),
          any(SOURCE, Signal.SOURCE, 10, "partner lead", "partner"),
          any(SOURCE, Signal.SOURCE, -10, "purchased list", "list", "purchased-list"),
          any(NEGATIVE, Signal.EMAIL, -20, "disposable email", "DISPOSABLE"),
          any(NEGATIVE, Signal.EMAIL, -5, "free-mail address", "FREE_MAIL"),
          flag(NEGATIVE, Signal.STUDENT, -25, "student"),
          flag(NEGATIVE, Signal.JOB_SEEKER, -25, "job seeker"));

  private static ScoringRule any(RuleGroup group, Signal signal, int points, String reason, String... values) {
    return new ScoringRule(group, signal, List.of(values), List.of(), null, null, points, reason);
  }

  private static ScoringRule range(RuleGroup group, Signal signal, Integer min, Integer max, int points, String reason) {
    return new ScoringRule(group, signal, List.of(), List.of(), min, max, points, reason);
  }

  private static ScoringRule flag(RuleGroup group, Signal signal, int points, String reason) {
    return new ScoringRule(group, signal, List.of(), List.of(), null, null, points, reason);
  }
}
