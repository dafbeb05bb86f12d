package io.leadflow.activities.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reps, territories, skills and accounts for one test, in the shared test database. Every id and
 * every territory carries this fixture's tag (territories also require it as an interest keyword),
 * so no other test's lead can match them; {@link #close} removes them.
 */
final class RoutingFixture implements AutoCloseable {

  final String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
  private final JdbcClient jdbc;
  private final List<String> reps = new ArrayList<>();
  private final List<String> territories = new ArrayList<>();
  private final List<String> accounts = new ArrayList<>();
  private final List<String> skills = new ArrayList<>();

  RoutingFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String id(String name) {
    return name + "-" + tag;
  }

  /** A rep available at any time, with this capacity and weight; returns its id. */
  String rep(String name, int capacity, int weight, String... skills) {
    return insertRep(id(name), name, capacity, weight, skills);
  }

  /** A rep with exactly this id (for ids fixed in configuration); replaces any left over. */
  String repWithId(String id, int capacity) {
    jdbc.sql("delete from rep where id = :id").param("id", id).update();
    return insertRep(id, id, capacity, 1);
  }

  private String insertRep(String id, String name, int capacity, int weight, String... skills) {
    jdbc.sql("insert into rep (id, name, capacity, weight, skills, manager_id) values (:id, :name, :capacity, :weight, :skills, :manager)")
        .param("id", id)
        .param("name", name)
        .param("capacity", capacity)
        .param("weight", weight)
        .param("skills", skills)
        .param("manager", id("boss"))
        .update();
    reps.add(id);
    return id;
  }

  void workingHours(String rep, String zone, String days, LocalTime start, LocalTime end) {
    jdbc.sql("update rep set time_zone = :zone, work_days = :days, work_start = :start, work_end = :end where id = :id")
        .param("zone", zone)
        .param("days", days.split(","))
        .param("start", start)
        .param("end", end)
        .param("id", rep)
        .update();
  }

  void away(String rep, Instant from, Instant until) {
    jdbc.sql("update rep set away_from = :from, away_until = :until where id = :id")
        .param("from", from == null ? null : Timestamp.from(from))
        .param("until", until == null ? null : Timestamp.from(until))
        .param("id", rep)
        .update();
  }

  /** A territory for leads mentioning this fixture's tag (plus the given countries, if any). */
  String territory(String name, int priority, String manager, List<String> countries, Integer minEmployees, String... members) {
    String id = id(name);
    jdbc.sql(
            """
            insert into territory (id, name, priority, countries, min_employees, interest_keywords, manager_id)
            values (:id, :name, :priority, :countries, :min, :keywords, :manager)
            """)
        .param("id", id)
        .param("name", name)
        .param("priority", priority)
        .param("countries", countries.toArray(String[]::new))
        .param("min", minEmployees)
        .param("keywords", new String[] {tag})
        .param("manager", manager)
        .update();
    for (String member : members) {
      jdbc.sql("insert into territory_member (territory_id, rep_id) values (:t, :r)").param("t", id).param("r", member).update();
    }
    territories.add(id);
    return id;
  }

  /** Leads mentioning this fixture's tag from these countries need {@code skill}. */
  String skill(String skill, String... countries) {
    String id = id(skill);
    jdbc.sql("insert into skill_rule (skill, countries, interest_keywords) values (:skill, :countries, :keywords)")
        .param("skill", id)
        .param("countries", countries)
        .param("keywords", new String[] {tag})
        .update();
    skills.add(id);
    return id;
  }

  /** An account owning {@code <name>-<tag>.test}; returns that domain. */
  String account(String name, String owner) {
    String id = id(name);
    String domain = id + ".test";
    jdbc.sql("insert into account (id, name, owner_rep_id) values (:id, :name, :owner)").param("id", id).param("name", name).param("owner", owner).update();
    jdbc.sql("insert into account_domain (domain, account_id) values (:d, :a)").param("d", domain).param("a", id).update();
    accounts.add(id);
    return domain;
  }

  /** Stored leads, as the API would have captured them. */
  List<UUID> leads(int count) {
    return jdbc.sql(
            """
            insert into lead (name, email, source, interest, status)
            select 'Load ' || n, 'load+' || gen_random_uuid() || '@example.test', 'test', :tag, 'CAPTURED'
            from generate_series(1, :count) n
            returning id
            """)
        .param("tag", tag)
        .param("count", count)
        .query(UUID.class)
        .list();
  }

  UUID lead() {
    return leads(1).get(0);
  }

  /** Fills the rep's slots with open leads they were assigned. */
  void atCapacity(String rep, int capacity) {
    leads(capacity).forEach(lead -> recorded(lead, "AWAITING_ACK", rep));
  }

  /** The workflow recorded the lead: its status and assignee, as the lead store does. */
  void recorded(UUID lead, String status, String assignedRep) {
    jdbc.sql("update lead set status = :status, assigned_rep = coalesce(:rep, assigned_rep), updated_at = clock_timestamp() where id = :id")
        .param("status", status)
        .param("rep", assignedRep)
        .param("id", lead)
        .update();
  }

  /** A lead in {@code country} mentioning this fixture's tag. */
  LeadProfile profile(UUID lead, String country, Integer employees) {
    return new LeadProfile(lead, null, country, null, employees, "demo " + tag);
  }

  LeadProfile profileFrom(UUID lead, String domain) {
    return new LeadProfile(lead, domain, "US", "US-NY", null, "demo " + tag);
  }

  @Override
  public void close() {
    jdbc.sql("delete from territory where id = any(:ids)").param("ids", territories.toArray(String[]::new)).update();
    jdbc.sql("delete from skill_rule where skill = any(:ids)").param("ids", skills.toArray(String[]::new)).update();
    jdbc.sql("delete from account where id = any(:ids)").param("ids", accounts.toArray(String[]::new)).update();
    jdbc.sql("delete from rep where id = any(:ids)").param("ids", reps.toArray(String[]::new)).update();
  }
}
