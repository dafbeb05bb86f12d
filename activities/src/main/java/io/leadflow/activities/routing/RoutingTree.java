package io.leadflow.activities.routing;

import io.leadflow.activities.routing.RoutingProperties.Fallback;
import io.leadflow.activities.routing.WeightedRoundRobin.Contender;
import io.leadflow.activities.routing.WeightedRoundRobin.Pick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The routing decision tree over what the directory holds right now (reps already locked):
 * 1. the account owner; 2. the first territory covering the lead; 3. its reps with the skills the
 * lead needs; 4. weighted round-robin among those available with a free slot; 5. the territory's
 * manager, else the fallback queue. Each stage that passes says why, so the final reason reads
 * as the whole story ("account owner ana out of office until 2026-03-10; EMEA territory, ...").
 */
final class RoutingTree {

  /** The decision, and the round-robin counters to store when it came from the rotation. */
  record Outcome(Decision decision, Map<String, Long> rotations) {}

  private final LeadProfile lead;
  private final Optional<AccountOwner> account;
  private final Optional<Territory> territory;
  private final List<String> skills;
  private final Map<String, Rep> reps;
  private final Map<String, Integer> open;
  private final Map<String, Long> rotation;
  private final Fallback fallback;
  private final Instant now;
  private final List<String> story = new ArrayList<>();

  RoutingTree(
      LeadProfile lead,
      Optional<AccountOwner> account,
      Optional<Territory> territory,
      List<String> skills,
      Map<String, Rep> reps,
      Map<String, Integer> open,
      Map<String, Long> rotation,
      Fallback fallback,
      Instant now) {
    this.lead = lead;
    this.account = account;
    this.territory = territory;
    this.skills = List.copyOf(skills);
    this.reps = reps;
    this.open = open;
    this.rotation = rotation;
    this.fallback = fallback;
    this.now = now;
  }

  Outcome decide() {
    Optional<Decision> owner = account.flatMap(this::accountOwner);
    if (owner.isPresent()) {
      return new Outcome(owner.get(), Map.of());
    }
    if (territory.isEmpty()) {
      return new Outcome(fallback(null, "no territory covers this lead (" + lead.describe() + ")"), Map.of());
    }
    return roundRobin(territory.get());
  }

  private Optional<Decision> accountOwner(AccountOwner owner) {
    String of = owner.domain() + " (" + owner.accountName() + ")";
    Rep rep = owner.ownerRepId() == null ? null : reps.get(owner.ownerRepId());
    if (rep == null) {
      story.add("account " + of + " has no owner");
      return Optional.empty();
    }
    Optional<String> blocker = blocker(rep);
    if (blocker.isPresent()) {
      story.add("account owner " + blocker.get());
      return Optional.empty();
    }
    String manager = distinct(rep.id(), territory.map(Territory::managerId).orElse(null), rep.managerId(), fallback.manager());
    List<String> nextInLine = new ArrayList<>(territory.map(Territory::members).orElse(List.of()));
    nextInLine.add(rep.managerId());
    Backup backup = backup(rep.id(), nextInLine, manager);
    return Optional.of(
        new Decision(
            rep.id(),
            backup.repId(),
            manager,
            Stage.ACCOUNT_OWNER,
            null,
            told("account owner of " + of + ", " + slotsAfter(rep)) + backup.why()));
  }

  private Outcome roundRobin(Territory territory) {
    String name = territory.name() + " territory";
    List<Rep> members = territory.members().stream().map(reps::get).filter(Objects::nonNull).toList();
    if (members.isEmpty()) {
      return new Outcome(fallback(territory, name + " has no reps"), Map.of());
    }
    if (!skills.isEmpty()) {
      List<Rep> skilled = members.stream().filter(r -> r.hasSkills(skills)).toList();
      if (skilled.isEmpty()) {
        story.add("nobody in " + name + " has skill " + String.join(" + ", skills));
      } else {
        members = skilled;
        name += ", skill " + String.join(" + ", skills);
      }
    }
    List<Rep> available = members.stream().filter(r -> blocker(r).isEmpty()).toList();
    if (available.isEmpty()) {
      String blockers = String.join(", ", members.stream().map(r -> blocker(r).orElseThrow()).toList());
      return new Outcome(fallback(territory, name + ": nobody available (" + blockers + ")"), Map.of());
    }
    Pick pick =
        WeightedRoundRobin.pick(
            available.stream().map(r -> new Contender(r.id(), r.weight(), rotation.getOrDefault(r.id(), 0L))).toList());
    Rep chosen = reps.get(pick.chosen());
    String manager = distinct(chosen.id(), territory.managerId(), chosen.managerId(), fallback.manager());
    List<String> nextInLine = new ArrayList<>();
    nextInLine.add(pick.next());
    members.forEach(member -> nextInLine.add(member.id()));
    nextInLine.add(chosen.managerId());
    Backup backup = backup(chosen.id(), nextInLine, manager);
    Decision decision =
        new Decision(
            chosen.id(),
            backup.repId(),
            manager,
            Stage.ROUND_ROBIN,
            territory.id(),
            told(name + ", weighted round-robin, " + slotsAfter(chosen)) + backup.why());
    return new Outcome(decision, pick.rotations());
  }

  private Decision fallback(Territory territory, String why) {
    String manager = territory == null ? null : territory.managerId();
    String owner = manager != null ? manager : fallback.owner();
    String to = manager != null ? "manager " + manager : "fallback " + owner;
    String backupManager = distinct(owner, fallback.manager());
    Backup backup = backup(owner, List.of(), backupManager);
    return new Decision(
        owner,
        backup.repId(),
        backupManager,
        Stage.FALLBACK,
        territory == null ? null : territory.id(),
        told(why + " → " + to) + backup.why());
  }

  /**
   * Who takes over when the SLA is missed: the first of {@code candidates}, then the configured
   * fallback backup, who could take the lead now by the same rules as the owner (available, a free
   * slot). An id that is not a rep (a manager or a shared queue routing does not schedule) has no
   * hours or capacity to check. When nobody qualifies the manager is the backup, and {@code why}
   * says so for the reason.
   */
  private Backup backup(String owner, List<String> candidates, String manager) {
    List<String> tried = Stream.concat(candidates.stream(), Stream.of(fallback.backup()))
        .filter(id -> id != null && !id.equals(owner))
        .distinct()
        .toList();
    List<String> blockers = new ArrayList<>();
    for (String id : tried) {
      Optional<String> blocker = reps.containsKey(id) ? blocker(reps.get(id)) : Optional.empty();
      if (blocker.isEmpty()) {
        return new Backup(id, "");
      }
      blockers.add(blocker.get());
    }
    String nobody = blockers.isEmpty() ? "nobody" : "nobody available (" + String.join(", ", blockers) + ")";
    return new Backup(manager, "; backup: " + nobody + (manager == null ? "" : " → manager " + manager));
  }

  /** The backup, and why it is the manager ("" when a backup qualified). */
  private record Backup(String repId, String why) {}

  /** Why the rep cannot take this lead now; empty when they can. */
  private Optional<String> blocker(Rep rep) {
    Optional<String> unavailable = rep.unavailableAt(now);
    if (unavailable.isPresent()) {
      return unavailable;
    }
    int taken = open.getOrDefault(rep.id(), 0);
    return taken >= rep.capacity()
        ? Optional.of(rep.id() + " at capacity (" + taken + " of " + rep.capacity() + " open leads)")
        : Optional.empty();
  }

  /** "2 of 5 open slots": what is left once this lead is counted. */
  private String slotsAfter(Rep rep) {
    return (rep.capacity() - open.getOrDefault(rep.id(), 0) - 1) + " of " + rep.capacity() + " open slots";
  }

  private String told(String decided) {
    return Stream.concat(story.stream(), Stream.of(decided)).reduce((a, b) -> a + "; " + b).orElseThrow();
  }

  /** The first candidate that is someone other than {@code rep}. */
  private static String distinct(String rep, String... candidates) {
    return Stream.of(candidates).filter(c -> c != null && !c.equals(rep)).findFirst().orElse(null);
  }
}
