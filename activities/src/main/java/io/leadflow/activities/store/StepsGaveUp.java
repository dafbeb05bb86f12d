package io.leadflow.activities.store;

import io.leadflow.workflows.StepGaveUp;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The steps of a lead that gave up, for its page and timeline. */
@Repository
public class StepsGaveUp {

  private static final int STEP_LENGTH = 200;
  private static final int REASON_LENGTH = 300;

  private final JdbcClient jdbc;

  StepsGaveUp(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Idempotent: the step and its moment are the key. */
  void record(UUID leadId, StepGaveUp step) {
    jdbc.sql(
            """
            insert into lead_step_gave_up (lead_id, step, reason, at) values (?, ?, ?, ?)
            on conflict do nothing
            """)
        .params(
            leadId,
            BoundedText.fit(step.step(), STEP_LENGTH),
            BoundedText.fit(step.reason(), REASON_LENGTH),
            Timestamp.from(step.at()))
        .update();
  }

  public List<StepGaveUp> of(UUID leadId) {
    return jdbc.sql("select step, reason, at from lead_step_gave_up where lead_id = ? order by at, step")
        .param(leadId)
        .query((row, n) -> new StepGaveUp(row.getString("step"), row.getString("reason"), row.getTimestamp("at").toInstant()))
        .list();
  }
}
