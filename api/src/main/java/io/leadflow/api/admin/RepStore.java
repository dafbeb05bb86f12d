package io.leadflow.api.admin;

import io.leadflow.api.admin.RepController.OutOfOffice;
import io.leadflow.api.admin.RepController.RepRequest;
import io.leadflow.api.admin.RepController.RepView;
import io.leadflow.api.admin.RepController.WorkingHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Table {@code rep}: the reps routing chooses from. */
@Component
class RepStore {

  private final JdbcClient jdbc;

  RepStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<RepView> all() {
    return jdbc.sql("select * from rep order by id").query((rs, row) -> view(rs)).list();
  }

  Optional<RepView> find(String id) {
    return jdbc.sql("select * from rep where id = :id").param("id", id).query((rs, row) -> view(rs)).optional();
  }

  /** True when the rep is new. */
  boolean save(String id, RepRequest rep) {
    WorkingHours hours = rep.workingHours();
    OutOfOffice away = rep.outOfOffice();
    return jdbc.sql(
            """
            insert into rep (id, name, email, manager_id, time_zone, work_days, work_start, work_end, capacity, weight,
                             skills, away_from, away_until, active)
            values (:id, :name, :email, :manager, :zone, :days, :start, :end, :capacity, :weight, :skills, :awayFrom,
                    :awayUntil, :active)
            on conflict (id) do update set
                name = excluded.name, email = excluded.email, manager_id = excluded.manager_id,
                time_zone = excluded.time_zone, work_days = excluded.work_days, work_start = excluded.work_start,
                work_end = excluded.work_end, capacity = excluded.capacity, weight = excluded.weight,
                skills = excluded.skills, away_from = excluded.away_from, away_until = excluded.away_until,
                active = excluded.active, updated_at = now()
            returning (xmax = 0) as created
            """)
        .param("id", id)
        .param("name", rep.name().strip())
        .param("email", rep.email())
        .param("manager", rep.managerId())
        .param("zone", rep.timeZone())
        .param("days", hours == null || hours.days().isEmpty() ? null : hours.days().stream().map(DayOfWeek::name).distinct().toArray(String[]::new))
        .param("start", hours == null ? null : hours.start())
        .param("end", hours == null ? null : hours.end())
        .param("capacity", rep.capacity())
        .param("weight", rep.weight())
        .param("skills", rep.skills().toArray(String[]::new))
        .param("awayFrom", away == null || away.from() == null ? null : Timestamp.from(away.from()))
        .param("awayUntil", away == null || away.until() == null ? null : Timestamp.from(away.until()))
        .param("active", rep.active())
        .query(Boolean.class)
        .single();
  }

  boolean delete(String id) {
    return jdbc.sql("delete from rep where id = :id").param("id", id).update() > 0;
  }

  /** Those of {@code ids} that are no rep, sorted. */
  List<String> unknown(Collection<String> ids) {
    TreeSet<String> unknown = new TreeSet<>(ids);
    unknown.removeAll(jdbc.sql("select id from rep where id = any(:ids)").param("ids", ids.toArray(String[]::new)).query(String.class).list());
    return List.copyOf(unknown);
  }

  private static RepView view(ResultSet rs) throws SQLException {
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
    return new RepView(
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
        rs.getBoolean("active"));
  }
}
