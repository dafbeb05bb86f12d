package io.leadflow.api.capture;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface OutboxRepository extends Repository<OutboxEntry, Long> {

  OutboxEntry save(OutboxEntry entry);

  @Query("select * from capture_outbox where id = :id and done_at is null")
  List<OutboxEntry> findPending(long id);

  @Query(
      "select * from capture_outbox where done_at is null and next_attempt_at <= now() order by id limit :limit")
  List<OutboxEntry> findDue(int limit);

  @Modifying
  @Query("update capture_outbox set done_at = now(), last_error = null where id = :id")
  void markDone(long id);

  @Modifying
  @Query(
      """
      update capture_outbox set attempts = attempts + 1, next_attempt_at = :nextAttemptAt,
                                last_error = :error
      where id = :id and done_at is null
      """)
  void markFailed(long id, Instant nextAttemptAt, String error);

  @Query("select count(*) from capture_outbox where done_at is null")
  long countPending();

  @Query("select min(created_at) from capture_outbox where done_at is null")
  Instant oldestPending();
}
