package io.leadflow.api.admin;

import io.leadflow.activities.routing.Criteria;
import io.leadflow.api.admin.SkillRuleController.SkillRuleView;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Table {@code skill_rule}. */
@Component
class SkillRuleStore {

  private final JdbcClient jdbc;

  SkillRuleStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<SkillRuleView> all() {
    return jdbc.sql("select * from skill_rule order by skill")
        .query(
            (rs, row) ->
                new SkillRuleView(
                    rs.getString("skill"),
                    new Criteria(
                        Db.strings(rs.getArray("countries")),
                        Db.strings(rs.getArray("regions")),
                        (Integer) rs.getObject("min_employees"),
                        (Integer) rs.getObject("max_employees"),
                        Db.strings(rs.getArray("interest_keywords")))))
        .list();
  }

  /** True when the skill is new. */
  boolean save(String skill, Criteria match) {
    return jdbc.sql(
            """
            insert into skill_rule (skill, countries, regions, min_employees, max_employees, interest_keywords)
            values (:skill, :countries, :regions, :min, :max, :keywords)
            on conflict (skill) do update set
                countries = excluded.countries, regions = excluded.regions, min_employees = excluded.min_employees,
                max_employees = excluded.max_employees, interest_keywords = excluded.interest_keywords, updated_at = now()
            returning (xmax = 0) as created
            """)
        .param("skill", skill)
        .param("countries", Db.array(match.countries()))
        .param("regions", Db.array(match.regions()))
        .param("min", match.minEmployees())
        .param("max", match.maxEmployees())
        .param("keywords", Db.array(match.interestKeywords()))
        .query(Boolean.class)
        .single();
  }

  boolean delete(String skill) {
    return jdbc.sql("delete from skill_rule where skill = :skill").param("skill", skill).update() > 0;
  }
}
