package io.leadflow.activities.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CaptureRepository extends ListCrudRepository<CaptureRecord, Long> {

  List<CaptureRecord> findByLeadIdOrderByIdAsc(UUID leadId);

  /** Repeat captures of the lead signalled to its workflow since {@code since}. */
  @Query("select count(*) from lead_capture where lead_id = :leadId and joined and not coalesced and created_at >= :since")
  int countSignalledRepeatsSince(UUID leadId, Instant since);

  /** A call to the team's number nobody answered brought this capture (Twilio's signed webhook only). */
  @Modifying
  @Query("update lead_capture set missed_call = true where id = :id")
  void markMissedCall(long id);

  @Query("select missed_call from lead_capture where id = :id")
  boolean missedCall(long id);
}
