package io.leadflow.activities.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CaptureRepository extends ListCrudRepository<CaptureRecord, Long> {

  List<CaptureRecord> findByLeadIdOrderByIdAsc(UUID leadId);

  /** Repeat captures of the lead signalled to its workflow since {@code since}. */
  @Query("select count(*) from lead_capture where lead_id = :leadId and joined and not coalesced and created_at >= :since")
  int countSignalledRepeatsSince(UUID leadId, Instant since);
}
