package io.leadflow.activities.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.activities.store.Lead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The variant rules of each template (table {@code message_template_variants}), versioned: a save
 * adds the next version of a name's ordered list; sends apply the newest. The first rule the lead
 * meets picks the variant; none: the template itself.
 */
@Repository
public class VariantRules {

  /** One saved list of rules. */
  public record Saved(String name, int version, List<VariantRule> rules, Instant createdAt) {}

  public static final int MAX_RULES = 20;

  private static final TypeReference<List<VariantRule>> RULES = new TypeReference<>() {};
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final MessageTemplateStore templates;

  VariantRules(JdbcClient jdbc, TransactionTemplate transaction, MessageTemplateStore templates) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.templates = templates;
  }

  /**
   * Stores the rules as the next version of {@code name}'s. Refuses ({@link InvalidTemplate}, the
   * field {@code rules[i].…}) a rule naming a template that does not exist, a rule with both or
   * neither of a template and a split, a percent outside 0–100. A rule may name {@code name}
   * itself: the base wording as one side of a split, or for leads a later rule must not get.
   */
  public Saved save(String name, List<VariantRule> rules) {
    if (rules.size() > MAX_RULES) {
      throw new InvalidTemplate("rules", "at most " + MAX_RULES + " rules");
    }
    for (int i = 0; i < rules.size(); i++) {
      check(name, "rules[" + i + "]", rules.get(i));
    }
    String json = write(rules);
    return transaction.execute(
        status -> {
          jdbc.sql("select pg_advisory_xact_lock(hashtext('message_template_variants'), hashtext(:name))")
              .param("name", name)
              .query()
              .singleRow();
          return jdbc.sql(
                  """
                  insert into message_template_variants (name, version, rules)
                  values (:name, (select coalesce(max(version), 0) + 1 from message_template_variants where name = :name), :rules)
                  returning version, created_at
                  """)
              .param("name", name)
              .param("rules", json)
              .query((row, n) -> new Saved(name, row.getInt("version"), List.copyOf(rules), row.getTimestamp("created_at").toInstant()))
              .single();
        });
  }

  /** The rules sends apply now; none when nobody saved any. */
  public Optional<Saved> newest(String name) {
    return jdbc.sql("select version, rules, created_at from message_template_variants where name = ? order by version desc limit 1")
        .param(name)
        .query((row, n) -> new Saved(name, row.getInt("version"), read(row.getString("rules")), row.getTimestamp("created_at").toInstant()))
        .optional();
  }

  /** The rules of {@code name} sends apply now (none: an empty list). */
  public List<VariantRule> rules(String name) {
    return newest(name).map(Saved::rules).orElse(List.of());
  }

  /** What a rule looks at, from the store: the lead's industry is enrichment's. */
  public VariantRule.LeadFacts facts(Lead lead) {
    String industry =
        jdbc.sql("select industry from lead_enrichment where lead_id = ?")
            .param(lead.id())
            .query(String.class)
            .optional()
            .orElse(null);
    return new VariantRule.LeadFacts(lead.id().toString(), lead.tier(), lead.source(), industry, lead.interest());
  }

  /** Every template {@code name}'s rules may send, in rule order, without repeats. */
  public List<String> targets(String name) {
    List<String> targets = new ArrayList<>();
    rules(name).stream().flatMap(rule -> rule.targets().stream()).filter(t -> !targets.contains(t)).forEach(targets::add);
    return targets;
  }

  private void check(String name, String field, VariantRule rule) {
    if ((rule.template() == null) == (rule.split() == null)) {
      throw new InvalidTemplate(field, "a rule gives either a template or a split, not both or neither");
    }
    if (rule.split() != null && (rule.split().percent() < 0 || rule.split().percent() > 100)) {
      throw new InvalidTemplate(field + ".split.percent", "must be between 0 and 100");
    }
    String where = rule.template() != null ? field + ".template" : field + ".split";
    for (String target : rule.targets()) {
      if (target == null) {
        throw new InvalidTemplate(where, "a split names both its templates, a and b");
      }
      if (templates.versions(target).isEmpty()) {
        throw new InvalidTemplate(where, "no template '" + target + "': save it first");
      }
    }
  }

  private static String write(List<VariantRule> rules) {
    try {
      return JSON.writeValueAsString(rules);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<VariantRule> read(String json) {
    try {
      return JSON.readValue(json, RULES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored variant rules are not readable: " + json, e);
    }
  }
}
