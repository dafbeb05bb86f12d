package io.leadflow.activities.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface LeadRepository extends ListCrudRepository<Lead, UUID> {

  /** Null arguments leave their column as it is. */
  @Modifying
  @Query(
      """
      update lead set status = coalesce(:status, status),
                      score = coalesce(:score, score),
                      tier = coalesce(:tier, tier),
                      score_breakdown = coalesce(cast(:breakdown as text[]), score_breakdown),
                      scored_at = case when :score is null then scored_at else cast(:scoredAt as timestamptz) end,
                      assigned_rep = coalesce(:assignedRep, assigned_rep),
                      updated_at = now()
      where id = :id
      """)
  int updateProgress(
      UUID id, String status, Integer score, String tier, String[] breakdown, Instant scoredAt, String assignedRep);

  /** The highest round any touch or rep notice of the lead belongs to; 0 for none. */
  @Query(
      """
      select greatest(
        (select coalesce(max(cast(substring(step from '^r([0-9]+)-') as int)), 0) from touch where lead_id = :id),
        (select coalesce(max(cast(substring(kind from '(?:^r|new-lead-|call-now-)([0-9]+)') as int)), 0)
         from rep_notice where lead_id = :id))
      """)
  int lastRound(UUID id);

  /** Fills in an email or phone the lead lacks (each with its contact key); never replaces one. */
  @Modifying
  @Query(
      """
      update lead set email = coalesce(email, :email), email_key = coalesce(email_key, :emailKey),
                      phone = coalesce(phone, :phone), phone_key = coalesce(phone_key, :phoneKey),
                      updated_at = now()
      where id = :id and ((email is null and :email is not null) or (phone is null and :phone is not null))
      """)
  int addMissingContact(UUID id, String email, String emailKey, String phone, String phoneKey);

  @Modifying
  @Query("update lead set phone_invalid = true, updated_at = now() where id = :id")
  int markPhoneInvalid(UUID id);

  /** Holds the lead until the transaction ends: repeat captures of one person are counted one at a time. */
  @Query("select id from lead where id = :id for update")
  UUID lock(UUID id);

  @Modifying
  @Query("update lead set stopped_at = now(), updated_at = now() where id = :id")
  int markStopped(UUID id);

  /** True when the lead replied or opted out after {@code since}, e.g. after a touch was planned. */
  @Query("select exists (select 1 from lead where id = :id and stopped_at > :since)")
  boolean stoppedSince(UUID id, java.time.Instant since);

  /** The lead of the person with this email or phone key (either may be null). */
  @Query("select * from lead where email_key = :emailKey or phone_key = :phoneKey order by created_at limit 1")
  Optional<Lead> findByContact(String emailKey, String phoneKey);
}
