package io.leadflow.api.admin;

import io.leadflow.activities.routing.Criteria;
import io.leadflow.api.admin.TerritoryController.TerritoryRequest;
import io.leadflow.api.admin.TerritoryController.TerritoryView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Tables {@code territory} and {@code territory_member}. */
@Component
class TerritoryStore {

  private static final String SELECT =
      """
      select t.*, coalesce(array_agg(m.rep_id order by m.rep_id) filter (where m.rep_id is not null), '{}') as members
      from territory t left join territory_member m on m.territory_id = t.id
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  TerritoryStore(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  List<TerritoryView> all() {
    return jdbc.sql(SELECT + " group by t.id order by t.priority, t.id").query((rs, row) -> view(rs)).list();
  }

  Optional<TerritoryView> find(String id) {
    return jdbc.sql(SELECT + " where t.id = :id group by t.id").param("id", id).query((rs, row) -> view(rs)).optional();
  }

  /** True when the territory is new. Members who stay keep their round-robin counter. */
  boolean save(String id, TerritoryRequest territory) {
    return Boolean.TRUE.equals(
        transaction.execute(
            status -> {
              Criteria match = territory.match();
              boolean created =
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
                      .param("id", id)
                      .param("name", territory.name().strip())
                      .param("priority", territory.priority())
                      .param("countries", Db.array(match.countries()))
                      .param("regions", Db.array(match.regions()))
                      .param("min", match.minEmployees())
                      .param("max", match.maxEmployees())
                      .param("keywords", Db.array(match.interestKeywords()))
                      .param("manager", territory.managerId())
                      .query(Boolean.class)
                      .single();
              String[] members = Db.array(territory.members());
              jdbc.sql("delete from territory_member where territory_id = :id and not (rep_id = any(:members))")
                  .param("id", id)
                  .param("members", members)
                  .update();
              jdbc.sql(
                      """
                      insert into territory_member (territory_id, rep_id)
                      select :id, unnest(cast(:members as text[]))
                      on conflict do nothing
                      """)
                  .param("id", id)
                  .param("members", members)
                  .update();
              return created;
            }));
  }

  boolean delete(String id) {
    return jdbc.sql("delete from territory where id = :id").param("id", id).update() > 0;
  }

  private static TerritoryView view(ResultSet rs) throws SQLException {
    return new TerritoryView(
        rs.getString("id"),
        rs.getString("name"),
        rs.getInt("priority"),
        new Criteria(
            Db.strings(rs.getArray("countries")),
            Db.strings(rs.getArray("regions")),
            (Integer) rs.getObject("min_employees"),
            (Integer) rs.getObject("max_employees"),
            Db.strings(rs.getArray("interest_keywords"))),
        Db.strings(rs.getArray("members")),
        rs.getString("manager_id"));
  }
}
