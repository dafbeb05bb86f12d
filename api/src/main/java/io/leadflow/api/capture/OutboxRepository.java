package io.leadflow.api.capture;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface OutboxRepository extends Repository<OutboxEntry, Long> {

  OutboxEntry save(OutboxEntry entry);

  Optional<OutboxEntry> findById(Long id);

  @Query("select * from capture_outbox where id = :id and done_at is null and dead_at is null")
  List<OutboxEntry> findPending(long id);

  @Query(
      """
      select * from capture_outbox where done_at is null and dead_at is null and next_attempt_at <= now()
      order by id limit :limit
      """)
  List<OutboxEntry> findDue(int limit);

  @Modifying
  @Query("update capture_outbox set done_at = now(), last_error = null where id = :id")
  void markDone(long id);

  /** {@code counted} 1 when the failure counts toward the entry's bound, 0 when Temporal was away. */
  @Modifying
  @Query(
      """
      update capture_outbox set attempts = attempts + :counted, next_attempt_at = :nextAttemptAt,
                                last_error = :error
      where id = :id and done_at is null and dead_at is null
      """)
  void markFailed(long id, int counted, Instant nextAttemptAt, String error);

  @Modifying
  @Query(
      """
      update capture_outbox set attempts = attempts + 1, last_error = :error, dead_at = now()
      where id = :id and done_at is null and dead_at is null
      """)
  void markDead(long id, String error);

  /** Back into the relay's scan, due now, with a fresh bound; 0 when the entry is not dead. */
  @Modifying
  @Query(
      """
      update capture_outbox set dead_at = null, attempts = 0, next_attempt_at = now()
      where id = :id and dead_at is not null
      """)
  int revive(long id);

  @Query("select * from capture_outbox where dead_at is not null order by id limit :limit")
  List<OutboxEntry> findDead(int limit);

  @Query("select count(*) from capture_outbox where dead_at is not null")
  long countDead();

  @Query("select count(*) from capture_outbox where done_at is null and dead_at is null")
  long countPending();

  @Query("select min(created_at) from capture_outbox where done_at is null and dead_at is null")
  Instant oldestPending();
}
