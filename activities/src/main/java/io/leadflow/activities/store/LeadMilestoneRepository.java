package io.leadflow.activities.store;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The moments reports are made of, each set once on the lead: who it was first routed to, the
 * first acknowledgement (and by whom), the first missed ack SLA, the first change of owner, the
 * first reply, the booked meeting. Decided by comparing the workflow's new progress with what is
 * stored, so it must run before the progress itself is written; running it twice changes nothing.
 *
 * <p>An owner change while the lead was and still is {@code AWAITING_ACK} is a missed SLA: the
 * workflow reassigns a waiting lead only when its SLA ran out (a tier upgrade re-routes only in
 * the cadence, a new round starts from nurture).
 */
public interface LeadMilestoneRepository extends Repository<Lead, UUID> {

  @Modifying
  @Query(
      """
      update lead set
        routed_rep = coalesce(routed_rep, :assignedRep),
        acknowledged_by = case when acknowledged_at is null and cast(:acknowledgedAt as timestamptz) is not null
                               then coalesce(:assignedRep, assigned_rep) else acknowledged_by end,
        acknowledged_at = coalesce(acknowledged_at, cast(:acknowledgedAt as timestamptz)),
        reassigned_at = case when reassigned_at is null and :assignedRep <> assigned_rep
                             then now() else reassigned_at end,
        escalated_at = case when escalated_at is null and :assignedRep <> assigned_rep
                                 and status = 'AWAITING_ACK' and :status = 'AWAITING_ACK'
                            then now() else escalated_at end,
        engaged_at = case when engaged_at is null and :status = 'ENGAGED' then now() else engaged_at end,
        meeting_booked_at = case when meeting_booked_at is null and :status = 'MEETING_BOOKED'
                                 then now() else meeting_booked_at end
      where id = :id
      """)
  int record(UUID id, String status, String assignedRep, Instant acknowledgedAt);
}
