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
      insert into touch (lead_id, business_key, step, channel, template, outcome)
      values (:leadId, :businessKey, :step, :channel, :template, 'RESERVED')
      on conflict (business_key) do nothing
      """)
  int reserve(UUID leadId, String businessKey, String step, String channel, String template);

  /** The consent this touch relies on, kept with it for audit. */
  @Modifying
  @Query("update touch set consent_id = :consentId where business_key = :businessKey")
  int reliesOn(String businessKey, long consentId);

  /** The template (the step's or a variant) and version the touch's message was rendered from. */
  @Modifying
  @Query("update touch set rendered_template = :name, template_version = :version where business_key = :businessKey")
  int rendersTemplate(String businessKey, String name, int version);

  /** Marks the moment we call the provider; only a RESERVED touch moves on. */
  @Modifying
  @Query("update touch set outcome = 'SENDING' where business_key = :businessKey and outcome = 'RESERVED'")
  int markSending(String businessKey);

  @Modifying
  @Query(
      """
      update touch set provider = :provider, provider_message_id = :providerMessageId,
                       outcome = :outcome, sent_at = :at, detail = :detail
      where business_key = :businessKey
      """)
  int recordOutcome(
      String businessKey, String provider, String providerMessageId, String outcome, Instant at, String detail);

  /** The provider refused for now (throttled, down): nothing went out, the retry may send. */
  @Modifying
  @Query("update touch set outcome = 'RESERVED' where business_key = :businessKey and outcome = 'SENDING'")
  int revertToReserved(String businessKey);

  /**
   * A provider's delivery callback. Callbacks arrive out of order: the status is kept only when
   * it is the first one or later in the message's life than the stored one, in the provider's
   * {@code order}.
   */
  default int recordProviderStatus(String provider, String providerMessageId, String status, ProviderStatuses order) {
    List<String> earlier = order.earlierThan(status);
    // "in ()" is not SQL: an impossible status stands in for "nothing earlier".
    return recordProviderStatusOver(provider, providerMessageId, status, earlier.isEmpty() ? List.of("") : earlier);
  }

  @Modifying
  @Query(
      """
      update touch set provider_status = :status
      where provider = :provider and provider_message_id = :providerMessageId
        and (provider_status is null or provider_status in (:earlier))
      """)
  int recordProviderStatusOver(String provider, String providerMessageId, String status, List<String> earlier);

  @Query("select count(*) from touch where lead_id = :leadId and channel = 'CALL' and outcome = 'SENT' and sent_at > :since")
  int countCallsSince(UUID leadId, Instant since);

  /** Whether {@code provider} has sent a text to the number with this key, to any lead (one lead per phone). */
  @Query(
      """
      select exists (select 1 from touch t join lead l on l.id = t.lead_id
                     where l.phone_key = :phoneKey and t.channel = 'SMS' and t.outcome = 'SENT' and t.provider = :provider)
      """)
  boolean textedBefore(String phoneKey, String provider);

  Optional<TouchRecord> findByBusinessKey(String businessKey);

  List<TouchRecord> findByLeadIdOrderByCreatedAtAscIdAsc(UUID leadId);
}
