package io.leadflow.activities.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routes one lead in one transaction: every rep it may go to is locked ({@code select ... for
 * update}, in id order) before their open leads are counted and the rotation moves, so routings
 * running at the same time on several workers queue for the same reps instead of double-booking
 * them, and the rotation stays fair. A retried activity ({@code key}) gets its first decision back.
 */
@Component
@EnableConfigurationProperties(RoutingProperties.class)
class RoutingEngine {

  private final RoutingDirectory directory;
  private final RoutingProperties properties;
  private final TransactionTemplate transaction;

  RoutingEngine(RoutingDirectory directory, RoutingProperties properties, TransactionTemplate transaction) {
    this.directory = directory;
    this.properties = properties;
    this.transaction = transaction;
  }

  Decision route(LeadProfile lead, String key, Instant now) {
    return transaction.execute(status -> decide(lead, key, now));
  }

  private Decision decide(LeadProfile lead, String key, Instant now) {
    Optional<RoutingDirectory.Stored> earlier =
        key == null ? Optional.empty() : directory.decisionFor(lead.leadId()).filter(stored -> key.equals(stored.key()));
    if (earlier.isPresent()) {
      return earlier.get().decision();
    }
    Optional<AccountOwner> account = directory.accountOwner(lead.domain());
    Optional<Territory> territory = directory.territories().stream().filter(t -> t.match().matches(lead)).findFirst();
    List<String> skills =
        directory.skillRules().stream().filter(rule -> rule.match().matches(lead)).map(SkillRule::skill).toList();

    Set<String> candidates = new TreeSet<>();
    account.map(AccountOwner::ownerRepId).ifPresent(candidates::add);
    territory.ifPresent(t -> candidates.addAll(t.members()));
    candidates.add(properties.fallback().backup());
    Map<String, Rep> reps = directory.lock(candidates);
    Map<String, Integer> open = directory.openLeads(reps.keySet());
    Map<String, Long> rotation = territory.map(t -> directory.rotation(t.id())).orElse(Map.of());

    RoutingTree.Outcome outcome =
        new RoutingTree(lead, account, territory, skills, reps, open, rotation, properties.fallback(), now).decide();
    Decision decision = outcome.decision();
    if (!outcome.rotations().isEmpty()) {
      directory.saveRotation(decision.territoryId(), outcome.rotations());
    }
    directory.record(lead.leadId(), decision, key);
    return decision;
  }
}
