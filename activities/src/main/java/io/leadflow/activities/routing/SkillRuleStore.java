package io.leadflow.activities.routing;

import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Table {@code skill_rule}. */
@Component
public class SkillRuleStore {

  private final JdbcClient jdbc;

  SkillRuleStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<SkillRule> all() {
    return jdbc.sql("select skill as id, * from skill_rule order by skill")
        .query(UnreadableRows.skipping("skill rule", (rs, row) -> new SkillRule(rs.getString("skill"), CriteriaColumns.read(rs))))
        .list()
        .stream()
        .filter(Objects::nonNull)
        .toList();
  }

  /** True when the skill is new. */
  public boolean save(SkillRule rule) {
    return jdbc.sql(
            """
            insert into skill_rule (skill, countries, regions, min_employees, max_employees, interest_keywords)
            values (:skill, :countries, :regions, :min, :max, :keywords)
            on conflict (skill) do update set
                countries = excluded.countries, regions = excluded.regions, min_employees = excluded.min_employees,
                max_employees = excluded.max_employees, interest_keywords = excluded.interest_keywords, updated_at = now()
            returning (xmax = 0) as created
            """)
        .param("skill", rule.skill())
        .params(CriteriaColumns.params(rule.match()))
        .query(Boolean.class)
        .single();
  }

  public boolean delete(String skill) {
    return jdbc.sql("delete from skill_rule where skill = :skill").param("skill", skill).update() > 0;
  }
}
