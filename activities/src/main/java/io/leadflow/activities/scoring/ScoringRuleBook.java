package io.leadflow.activities.scoring;

import io.leadflow.activities.scoring.RuleSet.Source;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scoring rules in force: those saved through the admin API (table {@code scoring_rule}) when
 * there are any, else the configured ones. Tiers and decay always come from configuration.
 * Saving replaces the whole list at once, so a score never sees half of an edit.
 */
@Component
@EnableConfigurationProperties(ScoringProperties.class)
public class ScoringRuleBook {

  private final ScoringProperties configured;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  ScoringRuleBook(ScoringProperties configured, JdbcClient jdbc, TransactionTemplate transaction) {
    this.configured = configured;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  public RuleSet current() {
    List<ScoringRule> saved =
        jdbc.sql("select * from scoring_rule order by position").query((rs, row) -> ruleOf(rs)).list();
    return saved.isEmpty()
        ? new RuleSet(Source.CONFIGURATION, configured.tiers(), configured.decay(), configured.rules())
        : new RuleSet(Source.DATABASE, configured.tiers(), configured.decay(), saved);
  }

  /** Replaces the saved rules; an empty list goes back to the configured ones. */
  public RuleSet replace(List<ScoringRule> rules) {
    transaction.executeWithoutResult(
        status -> {
          jdbc.sql("delete from scoring_rule").update();
          for (int i = 0; i < rules.size(); i++) {
            ScoringRule rule = rules.get(i);
            jdbc.sql(
                    """
                    insert into scoring_rule (position, rule_group, signal, any_of, none_of, min_value, max_value, points, reason, attribute)
                    values (:position, :group, :signal, :any, :none, :min, :max, :points, :reason, :attribute)
                    """)
                .param("position", i)
                .param("group", rule.group().name())
                .param("signal", rule.signal().name())
                .param("any", rule.any().toArray(String[]::new))
                .param("none", rule.none().toArray(String[]::new))
                .param("min", rule.min())
                .param("max", rule.max())
                .param("points", rule.points())
                .param("reason", rule.reason())
                .param("attribute", rule.attribute())
                .update();
          }
        });
    return current();
  }

  private static ScoringRule ruleOf(ResultSet rs) throws SQLException {
    return new ScoringRule(
        RuleGroup.valueOf(rs.getString("rule_group")),
        Signal.valueOf(rs.getString("signal")),
        strings(rs.getArray("any_of")),
        strings(rs.getArray("none_of")),
        (Integer) rs.getObject("min_value"),
        (Integer) rs.getObject("max_value"),
        rs.getInt("points"),
        rs.getString("reason"),
        rs.getString("attribute"));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
