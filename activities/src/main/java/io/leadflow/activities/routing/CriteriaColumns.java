package io.leadflow.activities.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The {@link Criteria} columns that tables {@code territory} and {@code skill_rule} share. */
final class CriteriaColumns {

  private CriteriaColumns() {}

  static Criteria read(ResultSet rs) throws SQLException {
    return new Criteria(
        Db.strings(rs.getArray("countries")),
        Db.strings(rs.getArray("regions")),
        (Integer) rs.getObject("min_employees"),
        (Integer) rs.getObject("max_employees"),
        Db.strings(rs.getArray("interest_keywords")));
  }

  /** Parameters {@code :countries, :regions, :min, :max, :keywords}. */
  static Map<String, Object> params(Criteria criteria) {
    Map<String, Object> params = new HashMap<>();
    params.put("countries", Db.array(criteria.countries()));
    params.put("regions", Db.array(criteria.regions()));
    params.put("min", criteria.minEmployees());
    params.put("max", criteria.maxEmployees());
    params.put("keywords", Db.array(criteria.interestKeywords()));
    return params;
  }
}
