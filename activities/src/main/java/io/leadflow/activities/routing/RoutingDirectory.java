package io.leadflow.activities.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Routing's reads and writes in PostgreSQL: reps (locked), territories, skills and accounts through
 * their stores (the admin API's too); open leads and decisions here.
 */
@Component
class RoutingDirectory {

  /** A routing decision as stored, with the key of the activity attempt that made it. */
  record Stored(Decision decision, String key) {}

  private final JdbcClient jdbc;
  private final RepStore reps;
  private final TerritoryStore territories;
  private final SkillRuleStore skills;
  private final AccountStore accounts;

  RoutingDirectory(JdbcClient jdbc, RepStore reps, TerritoryStore territories, SkillRuleStore skills, AccountStore accounts) {
    this.jdbc = jdbc;
    this.reps = reps;
    this.territories = territories;
    this.skills = skills;
    this.accounts = accounts;
  }

  Optional<AccountOwner> accountOwner(String domain) {
    return accounts.ownerOf(domain);
  }

  /** In the order they are tried: priority, then id. */
  List<Territory> territories() {
    return territories.all();
  }

  List<SkillRule> skillRules() {
    return skills.all();
  }

  /** The reps and their managers who are reps, locked in id order ({@link RepStore#lock}). */
  Map<String, Rep> lock(Collection<String> repIds) {
    return reps.lock(repIds);
  }

  /**
   * Open leads per rep: not closed, not parked in nurture since they were routed. The owner is the
   * latest routing decision until the workflow has recorded the lead after it; from then on the
   * lead's assignee, which follows escalations.
   */
  Map<String, Integer> openLeads(Collection<String> repIds) {
    Map<String, Integer> open = new HashMap<>();
    jdbc.sql(
            """
            with owned as (
                select l.id, case when a.lead_id is null then l.assigned_rep
                                  when l.assigned_rep is not null and l.updated_at > a.assigned_at then l.assigned_rep
                                  else a.rep_id end as owner,
                       l.status, (a.lead_id is null or l.updated_at > a.assigned_at) as recorded
                from lead l left join lead_assignment a on a.lead_id = l.id
                where l.assigned_rep = any(:reps)
                union
                select l.id, case when l.assigned_rep is not null and l.updated_at > a.assigned_at then l.assigned_rep
                                  else a.rep_id end,
                       l.status, l.updated_at > a.assigned_at
                from lead_assignment a join lead l on l.id = a.lead_id
                where a.rep_id = any(:reps))
            select owner, count(*) as open from owned
            where owner = any(:reps)
              and status not in ('MEETING_BOOKED', 'DISQUALIFIED', 'OPTED_OUT', 'CONVERTED')
              and not (status = 'NURTURE' and recorded)
            group by owner
            """)
        .param("reps", repIds.toArray(String[]::new))
        .query((rs, row) -> Map.entry(rs.getString("owner"), rs.getInt("open")))
        .list()
        .forEach(e -> open.put(e.getKey(), e.getValue()));
    return open;
  }

  Map<String, Long> rotation(String territoryId) {
    return territories.rotation(territoryId);
  }

  void saveRotation(String territoryId, Map<String, Long> rotations) {
    territories.saveRotation(territoryId, rotations);
  }

  Optional<Stored> decisionFor(UUID leadId) {
    return jdbc.sql("select * from lead_assignment where lead_id = :lead")
        .param("lead", leadId)
        .query(
            (rs, row) ->
                new Stored(
                    new Decision(
                        rs.getString("rep_id"),
                        rs.getString("backup_rep_id"),
                        rs.getString("manager_id"),
                        Stage.valueOf(rs.getString("stage")),
                        rs.getString("territory_id"),
                        rs.getString("reason")),
                    rs.getString("decision_key")))
        .optional();
  }

  /** The lead's current decision; skipped for a lead that is not stored. */
  void record(UUID leadId, Decision decision, String key) {
    jdbc.sql(
            """
            insert into lead_assignment (lead_id, rep_id, backup_rep_id, manager_id, stage, territory_id, reason, decision_key, assigned_at)
            select :lead, :rep, :backup, :manager, :stage, :territory, :reason, :key, now()
            where exists (select 1 from lead where id = :lead)
            on conflict (lead_id) do update set
                rep_id = excluded.rep_id, backup_rep_id = excluded.backup_rep_id, manager_id = excluded.manager_id,
                stage = excluded.stage, territory_id = excluded.territory_id, reason = excluded.reason,
                decision_key = excluded.decision_key, assigned_at = excluded.assigned_at
            """)
        .param("lead", leadId)
        .param("rep", decision.repId())
        .param("backup", decision.backupRepId())
        .param("manager", decision.managerId())
        .param("stage", decision.stage().name())
        .param("territory", decision.territoryId())
        .param("reason", decision.reason())
        .param("key", key)
        .update();
  }
}
