package io.leadflow.activities.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CaptureRepository extends ListCrudRepository<CaptureRecord, Long> {

  List<CaptureRecord> findByLeadIdOrderByIdAsc(UUID leadId);

  /** The lead's first-touch capture: its earliest. */
  @Query("select * from lead_capture where lead_id = :leadId order by created_at, id limit 1")
  Optional<CaptureRecord> firstTouchCapture(UUID leadId);

  /**
   * The lead's last-touch capture: its latest capture at or before its first meeting was booked,
   * or, with no meeting booked, its latest capture. The funnel report's {@code attribution=LAST}
   * credits the same.
   */
  @Query(
      """
      select c.* from lead_capture c join lead l on l.id = c.lead_id
      where c.lead_id = :leadId and c.created_at <= coalesce(l.meeting_booked_at, 'infinity'::timestamptz)
      order by c.created_at desc, c.id desc limit 1
      """)
  Optional<CaptureRecord> lastTouchCapture(UUID leadId);

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
