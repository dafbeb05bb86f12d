package io.leadflow.activities.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.workflows.CadencePlan;
import io.leadflow.workflows.CadenceStep;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Versioned cadence definitions in PostgreSQL. Saving never changes a version: it adds the next
 * one. The playbook takes the newest version of its cadence name when there is one.
 */
@Repository
public class CadenceDefinitions {

  private static final TypeReference<List<CadenceStep>> STEPS = new TypeReference<>() {};
  // Jackson 2, as Temporal serializes these records: the stored steps read back the same way.
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  CadenceDefinitions(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /**
   * Stores the steps as the next version of {@code name} and returns the new plan. Saves of one
   * name take turns (a transaction-scoped advisory lock on the name), so concurrent saves are all
   * kept as consecutive versions instead of racing for the same number (issue 18: that was a 500).
   */
  public CadencePlan save(String name, List<CadenceStep> steps) {
    String json = write(steps);
    Integer version =
        transaction.execute(
            status -> {
              jdbc.sql("select pg_advisory_xact_lock(hashtext('cadence_definition'), hashtext(:name))")
                  .param("name", name)
                  .query()
                  .singleRow();
              return nextVersion(name, json);
            });
    return new CadencePlan(name, version, steps);
  }

  private int nextVersion(String name, String steps) {
    return jdbc.sql(
                """
                insert into cadence_definition (name, version, steps)
                values (:name, (select coalesce(max(version), 0) + 1 from cadence_definition where name = :name), :steps)
                returning version
                """)
            .param("name", name)
            .param("steps", steps)
            .query(Integer.class)
            .single();
  }

  public Optional<CadencePlan> newest(String name) {
    return jdbc.sql("select version, steps from cadence_definition where name = ? order by version desc limit 1")
        .param(name)
        .query((row, i) -> new CadencePlan(name, row.getInt("version"), read(row.getString("steps"))))
        .optional();
  }

  public List<CadencePlan> all() {
    return jdbc.sql("select name, version, steps from cadence_definition order by name, version")
        .query((row, i) -> new CadencePlan(row.getString("name"), row.getInt("version"), read(row.getString("steps"))))
        .list();
  }

  private static String write(List<CadenceStep> steps) {
    try {
      return JSON.writeValueAsString(steps);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cadence steps cannot be stored", e);
    }
  }

  private static List<CadenceStep> read(String steps) {
    try {
      return JSON.readValue(steps, STEPS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored cadence definition cannot be read", e);
    }
  }
}
