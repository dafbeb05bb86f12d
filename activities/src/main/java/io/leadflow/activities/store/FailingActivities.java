package io.leadflow.activities.store;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The activities failing right now, per lead: what the stuck-leads figure counts. A row lives
 * from an activity's first failed attempt until it succeeds or its lead records the give-up.
 */
@Repository
public class FailingActivities {

  private static final int ERROR_LENGTH = 500;
  /** A row left by an activity that stopped failing without a word (its lead gave up while the store was down). */
  private static final Duration FORGOTTEN_AFTER = Duration.ofDays(7);

  private final JdbcClient jdbc;

  FailingActivities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void failed(String workflowId, String activityId, String activityType, int attempt, String error, Instant at) {
    jdbc.sql(
            """
            insert into failing_activity
              (workflow_id, activity_id, activity_type, first_failed_at, last_failed_at, attempts, last_error)
            values (:workflowId, :activityId, :type, :at, :at, :attempt, :error)
            on conflict (workflow_id, activity_id) do update
              set last_failed_at = :at, attempts = :attempt, last_error = :error
            """)
        .param("workflowId", workflowId)
        .param("activityId", activityId)
        .param("type", activityType)
        .param("at", Timestamp.from(at))
        .param("attempt", attempt)
        .param("error", BoundedText.fit(error == null ? "(no message)" : error, ERROR_LENGTH))
        .update();
  }

  public void succeeded(String workflowId, String activityId) {
    jdbc.sql("delete from failing_activity where workflow_id = ? and activity_id = ?")
        .params(workflowId, activityId)
        .update();
  }

  /** The lead recorded its give-up: nothing of it is failing any more. */
  public void gaveUp(String workflowId) {
    jdbc.sql("delete from failing_activity where workflow_id = ?").param(workflowId).update();
  }

  /** Leads with an activity failing for longer than {@code threshold}. */
  public long stuckLeads(Duration threshold, Instant now) {
    return jdbc.sql(
            "select count(distinct workflow_id) from failing_activity where first_failed_at < ? and last_failed_at > ?")
        .params(Timestamp.from(now.minus(threshold)), Timestamp.from(now.minus(FORGOTTEN_AFTER)))
        .query(Long.class)
        .single();
  }
}
