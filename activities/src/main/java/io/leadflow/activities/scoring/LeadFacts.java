package io.leadflow.activities.scoring;

import io.leadflow.activities.enrichment.EmailDomains;
import io.leadflow.workflows.EmailKind;
import io.leadflow.workflows.EngagementEvent;
import io.leadflow.workflows.EnrichedLead;
import io.leadflow.workflows.NewLead;
import io.leadflow.workflows.ScoreRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What scoring knows about a lead, signal by signal, each value with when it was shown: the
 * capture time for what the form said, the event time for engagements. Facts enrichment could
 * not learn are absent, so an enrichment outage leaves a score neutral, never penalised.
 */
final class LeadFacts {

  /** One value of a signal; {@code at} null when unknown. */
  record Fact(String value, Instant at) {}

  private final ScoreRequest request;

  LeadFacts(ScoreRequest request) {
    this.request = request;
  }

  /** {@code attribute}: the custom attribute an ATTRIBUTE signal reads (case-insensitive); ignored otherwise. */
  List<Fact> of(Signal signal, String attribute) {
    NewLead lead = request.lead();
    Instant captured = lead.capturedAt();
    return switch (signal) {
      case ATTRIBUTE -> one(attribute(lead, attribute), captured);
      case INTEREST -> one(lead.interest(), captured);
      case TIMELINE -> one(joined(lead.timeline(), lead.interest()), captured);
      case TITLE -> one(lead.title(), captured);
      case SOURCE -> one(lead.source(), captured);
      case DOMAIN -> one(domain(lead), captured);
      case PHONE -> flag(lead.hasPhone());
      // Behaviour at the capture's moment: it decays like the interest.
      case MISSED_CALL -> lead.missedCall() ? List.of(new Fact("true", captured)) : List.of();
      case ENGAGEMENT -> request.engagements().stream().map(e -> new Fact(e.type(), e.at())).toList();
      case INDUSTRY -> enriched(EnrichedLead::industry);
      case COUNTRY -> enriched(EnrichedLead::country);
      case REGION -> enriched(e -> e.country() == null || e.region() == null ? null : e.country() + "-" + e.region());
      case EMAIL -> enriched(e -> e.emailKind() == null ? null : e.emailKind().name());
      case SENIORITY -> enriched(e -> e.seniority() == null ? null : e.seniority().name());
      case ROLE -> enriched(EnrichedLead::role);
      case EMPLOYEES -> enriched(e -> e.employees() == null ? null : e.employees().toString());
      case STUDENT -> flag(request.enriched() != null && request.enriched().student());
      case JOB_SEEKER -> flag(request.enriched() != null && request.enriched().jobSeeker());
    };
  }

  /** The email's domain; when the email names no company (free-mail, none), the website's. */
  private static String domain(NewLead lead) {
    String website = EmailDomains.kindOf(lead.email()) == EmailKind.BUSINESS ? null : EmailDomains.domainOfWebsite(lead.website());
    return website != null ? website : EmailDomains.domainOf(lead.email());
  }

  private static String attribute(NewLead lead, String name) {
    if (name == null || lead.attributes() == null) {
      return null;
    }
    return lead.attributes().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** When the lead did something: its capture and every engagement. */
  List<Instant> activity() {
    List<Instant> times = new ArrayList<>();
    times.add(request.lead().capturedAt());
    request.engagements().stream().map(EngagementEvent::at).forEach(times::add);
    return times;
  }

  private List<Fact> enriched(Function<EnrichedLead, String> value) {
    return request.enriched() == null ? List.of() : one(value.apply(request.enriched()), null);
  }

  private static List<Fact> one(String value, Instant at) {
    return value == null || value.isBlank() ? List.of() : List.of(new Fact(value.strip(), at));
  }

  private static List<Fact> flag(boolean value) {
    return value ? List.of(new Fact("true", null)) : List.of();
  }

  private static String joined(String... texts) {
    String text = Stream.of(texts).filter(Objects::nonNull).collect(Collectors.joining(" "));
    return text.isBlank() ? null : text;
  }
}
