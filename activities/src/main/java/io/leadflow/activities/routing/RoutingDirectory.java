package io.leadflow.activities.routing;

import io.leadflow.activities.enrichment.EmailDomains;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Routing's reads and writes in PostgreSQL: reps (locked), territories, skills, accounts, decisions. */
@Component
class RoutingDirectory {

  /** A routing decision as stored, with the key of the activity attempt that made it. */
  record Stored(Decision decision, String key) {}

  private final JdbcClient jdbc;

  RoutingDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<AccountOwner> accountOwner(String domain) {
    if (domain == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select a.name, d.domain, a.owner_rep_id
            from account_domain d join account a on a.id = d.account_id
            where d.domain = any(:candidates)
            order by length(d.domain) desc
            limit 1
            """)
        .param("candidates", EmailDomains.withParents(domain).toArray(String[]::new))
        .query((rs, row) -> new AccountOwner(rs.getString("name"), rs.getString("domain"), rs.getString("owner_rep_id")))
        .optional();
  }

  /** In the order they are tried: priority, then id. */
  List<Territory> territories() {
    return jdbc.sql(
            """
            select t.*, coalesce(array_agg(m.rep_id order by m.rep_id) filter (where m.rep_id is not null), '{}') as members
            from territory t left join territory_member m on m.territory_id = t.id
            group by t.id
            order by t.priority, t.id
            """)
        .query((rs, row) -> new Territory(rs.getString("id"), rs.getString("name"), criteria(rs), rs.getString("manager_id"), strings(rs.getArray("members"))))
        .list();
  }

  List<SkillRule> skillRules() {
    return jdbc.sql("select * from skill_rule order by skill").query((rs, row) -> new SkillRule(rs.getString("skill"), criteria(rs))).list();
  }

  /**
   * The reps and those of their managers who are reps (possible backups), locked until the
   * transaction ends, in one statement and always in id order so that concurrent routings never
   * deadlock. Unknown ids are left out.
   */
  Map<String, Rep> lock(Collection<String> repIds) {
    Map<String, Rep> reps = new LinkedHashMap<>();
    jdbc.sql(
            """
            select * from rep
            where id = any(:ids) or id in (select manager_id from rep where id = any(:ids))
            order by id for update
            """)
        .param("ids", repIds.toArray(String[]::new))
        .query((rs, row) -> rep(rs))
        .list()
        .forEach(rep -> reps.put(rep.id(), rep));
    return reps;
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
              and status not in ('MEETING_BOOKED', 'DISQUALIFIED', 'OPTED_OUT')
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
    Map<String, Long> rotation = new HashMap<>();
    jdbc.sql("select rep_id, rotation from territory_member where territory_id = :territory")
        .param("territory", territoryId)
        .query((rs, row) -> Map.entry(rs.getString("rep_id"), rs.getLong("rotation")))
        .list()
        .forEach(e -> rotation.put(e.getKey(), e.getValue()));
    return rotation;
  }

  void saveRotation(String territoryId, Map<String, Long> rotations) {
    rotations.forEach(
        (rep, rotation) ->
            jdbc.sql("update territory_member set rotation = :rotation where territory_id = :territory and rep_id = :rep")
                .param("rotation", rotation)
                .param("territory", territoryId)
                .param("rep", rep)
                .update());
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

  private static Criteria criteria(ResultSet rs) throws SQLException {
    return new Criteria(
        strings(rs.getArray("countries")),
        strings(rs.getArray("regions")),
        (Integer) rs.getObject("min_employees"),
        (Integer) rs.getObject("max_employees"),
        strings(rs.getArray("interest_keywords")));
  }

  private static Rep rep(ResultSet rs) throws SQLException {
    Time start = rs.getTime("work_start");
    Time end = rs.getTime("work_end");
    Set<DayOfWeek> days = strings(rs.getArray("work_days")).stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
    return new Rep(
        rs.getString("id"),
        rs.getString("manager_id"),
        ZoneId.of(rs.getString("time_zone")),
        days,
        start == null ? null : start.toLocalTime(),
        end == null ? null : end.toLocalTime(),
        rs.getInt("capacity"),
        rs.getInt("weight"),
        strings(rs.getArray("skills")),
        instant(rs.getTimestamp("away_from")),
        instant(rs.getTimestamp("away_until")),
        rs.getBoolean("active"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
