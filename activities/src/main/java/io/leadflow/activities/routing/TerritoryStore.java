package io.leadflow.activities.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Tables {@code territory} and {@code territory_member}, with each member's round-robin counter. */
@Component
public class TerritoryStore {

  private final JdbcClient jdbc;
  private final RowsWithKeys territories;

  TerritoryStore(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.territories = new RowsWithKeys(jdbc, transaction, "territory", "territory_member", "territory_id", "rep_id", "members");
  }

  /** In the order routing tries them: priority, then id. */
  public List<Territory> all() {
    return territories.all("p.priority, p.id", UnreadableRows.skipping("territory", TerritoryStore::territory)).stream()
        .filter(Objects::nonNull)
        .toList();
  }

  public Optional<Territory> find(String id) {
    return territories.find(id, TerritoryStore::territory);
  }

  /** True when the territory is new. Members who stay keep their round-robin counter. */
  public boolean save(Territory territory) {
    return territories.save(
        territory.id(),
        territory.members(),
        () ->
            jdbc.sql(
                    """
                    insert into territory (id, name, priority, countries, regions, min_employees, max_employees,
                                           interest_keywords, manager_id)
                    values (:id, :name, :priority, :countries, :regions, :min, :max, :keywords, :manager)
                    on conflict (id) do update set
                        name = excluded.name, priority = excluded.priority, countries = excluded.countries,
                        regions = excluded.regions, min_employees = excluded.min_employees,
                        max_employees = excluded.max_employees, interest_keywords = excluded.interest_keywords,
                        manager_id = excluded.manager_id, updated_at = now()
                    returning (xmax = 0) as created
                    """)
                .param("id", territory.id())
                .param("name", territory.name().strip())
                .param("priority", territory.priority())
                .params(CriteriaColumns.params(territory.match()))
                .param("manager", territory.managerId())
                .query(Boolean.class)
                .single());
  }

  public boolean delete(String id) {
    return jdbc.sql("delete from territory where id = :id").param("id", id).update() > 0;
  }

  /** Each member's round-robin counter in the territory. */
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

  private static Territory territory(ResultSet rs, int row) throws SQLException {
    return new Territory(
        rs.getString("id"),
        rs.getString("name"),
        rs.getInt("priority"),
        CriteriaColumns.read(rs),
        Db.strings(rs.getArray("members")),
        rs.getString("manager_id"));
  }
}
