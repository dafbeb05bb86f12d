package io.leadflow.activities.routing;

import io.leadflow.activities.routing.Rep.OutOfOffice;
import io.leadflow.activities.routing.Rep.WorkingHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Table {@code rep}: the reps routing chooses from, kept through the admin API. */
@Component
public class RepStore {

  private final JdbcClient jdbc;

  RepStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Rep> all() {
    return jdbc.sql("select * from rep order by id")
        .query(UnreadableRows.skipping("rep", (rs, row) -> rep(rs)))
        .list()
        .stream()
        .filter(Objects::nonNull)
        .toList();
  }

  public Optional<Rep> find(String id) {
    return jdbc.sql("select * from rep where id = :id").param("id", id).query((rs, row) -> rep(rs)).optional();
  }

  /** True when the rep is new. */
  public boolean save(Rep rep) {
    WorkingHours hours = rep.workingHours();
    OutOfOffice away = rep.outOfOffice();
    return jdbc.sql(
            """
            insert into rep (id, name, email, manager_id, time_zone, work_days, work_start, work_end, capacity, weight,
                             skills, away_from, away_until, active, booking_link, crm_owner_id)
            values (:id, :name, :email, :manager, :zone, :days, :start, :end, :capacity, :weight, :skills, :awayFrom,
                    :awayUntil, :active, :bookingLink, :crmOwner)
            on conflict (id) do update set
                name = excluded.name, email = excluded.email, manager_id = excluded.manager_id,
                time_zone = excluded.time_zone, work_days = excluded.work_days, work_start = excluded.work_start,
                work_end = excluded.work_end, capacity = excluded.capacity, weight = excluded.weight,
                skills = excluded.skills, away_from = excluded.away_from, away_until = excluded.away_until,
                active = excluded.active, booking_link = excluded.booking_link, crm_owner_id = excluded.crm_owner_id, updated_at = now()
            returning (xmax = 0) as created
            """)
        .param("id", rep.id())
        .param("name", rep.name().strip())
        .param("email", rep.email())
        .param("manager", rep.managerId())
        .param("zone", rep.timeZone())
        .param("days", hours == null || hours.days().isEmpty() ? null : hours.days().stream().map(DayOfWeek::name).distinct().toArray(String[]::new))
        .param("start", hours == null ? null : hours.start())
        .param("end", hours == null ? null : hours.end())
        .param("capacity", rep.capacity())
        .param("weight", rep.weight())
        .param("skills", Db.array(rep.skills()))
        .param("awayFrom", away == null || away.from() == null ? null : Timestamp.from(away.from()))
        .param("awayUntil", away == null || away.until() == null ? null : Timestamp.from(away.until()))
        .param("active", rep.active())
        .param("bookingLink", rep.bookingLink())
        .param("crmOwner", rep.crmOwnerId())
        .query(Boolean.class)
        .single();
  }

  public boolean delete(String id) {
    return jdbc.sql("delete from rep where id = :id").param("id", id).update() > 0;
  }

  /** Those of {@code ids} that are no rep, sorted. */
  public List<String> unknown(Collection<String> ids) {
    TreeSet<String> unknown = new TreeSet<>(ids);
    unknown.removeAll(jdbc.sql("select id from rep where id = any(:ids)").param("ids", ids.toArray(String[]::new)).query(String.class).list());
    return List.copyOf(unknown);
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
        .query(UnreadableRows.skipping("rep", (rs, row) -> rep(rs)))
        .list()
        .stream()
        .filter(Objects::nonNull)
        .forEach(rep -> reps.put(rep.id(), rep));
    return reps;
  }

  private static Rep rep(ResultSet rs) throws SQLException {
    Time start = rs.getTime("work_start");
    WorkingHours hours =
        start == null
            ? null
            : new WorkingHours(
                Db.strings(rs.getArray("work_days")).stream().map(DayOfWeek::valueOf).toList(),
                start.toLocalTime(),
                rs.getTime("work_end").toLocalTime());
    Instant awayFrom = Db.instant(rs.getTimestamp("away_from"));
    Instant awayUntil = Db.instant(rs.getTimestamp("away_until"));
    return new Rep(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("email"),
        rs.getString("manager_id"),
        rs.getString("time_zone"),
        hours,
        rs.getInt("capacity"),
        rs.getInt("weight"),
        Db.strings(rs.getArray("skills")),
        awayFrom == null && awayUntil == null ? null : new OutOfOffice(awayFrom, awayUntil),
        rs.getBoolean("active"),
        rs.getString("booking_link"),
        rs.getString("crm_owner_id"));
  }
}
