package io.leadflow.activities.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface TouchRepository extends Repository<TouchRecord, Long> {

  /** Claims a business key; returns 0 when an earlier attempt already holds it. */
  @Modifying
  @Query(
      """
      insert into touch (lead_id, business_key, step, channel, outcome)
      values (:leadId, :businessKey, :step, :channel, 'RESERVED')
      on conflict (business_key) do nothing
      """)
  int reserve(UUID leadId, String businessKey, String step, String channel);

  @Modifying
  @Query(
      """
      update touch set provider = :provider, provider_message_id = :providerMessageId,
                       outcome = :outcome, sent_at = :at
      where business_key = :businessKey
      """)
  int recordOutcome(
      String businessKey, String provider, String providerMessageId, String outcome, Instant at);

  Optional<TouchRecord> findByBusinessKey(String businessKey);

  List<TouchRecord> findByLeadIdOrderByCreatedAtAscIdAsc(UUID leadId);
}
