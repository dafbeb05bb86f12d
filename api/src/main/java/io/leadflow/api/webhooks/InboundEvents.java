package io.leadflow.api.webhooks;

import io.leadflow.activities.store.Sha256;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every accepted webhook, stored before we answer; the dedupe key makes a redelivery a no-op. */
@Repository
class InboundEvents {

  record InboundEvent(long id, String provider, String kind, String dedupeKey, UUID leadId, String payload) {}

  private static final int DEDUPE_KEY_LENGTH = 200;

  private final JdbcClient jdbc;

  InboundEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored event, or empty when this dedupe key was seen before. */
  Optional<InboundEvent> storeOnce(String provider, String kind, String dedupeKey, UUID leadId, String payload) {
    dedupeKey = storable(dedupeKey);
    return jdbc.sql(
            """
            insert into inbound_event (provider, kind, dedupe_key, lead_id, payload) values (?, ?, ?, ?, ?)
            on conflict (dedupe_key) do nothing
            returning id, provider, kind, dedupe_key, lead_id, payload
            """)
        .params(provider, kind, dedupeKey, leadId, payload)
        .query(InboundEvent.class)
        .optional();
  }

  /** A provider's id can be anything it sends: one that does not fit the column is kept as its hash. */
  private static String storable(String dedupeKey) {
    return dedupeKey.length() <= DEDUPE_KEY_LENGTH && dedupeKey.indexOf('\0') < 0 ? dedupeKey : "sha256:" + Sha256.hex(dedupeKey);
  }

  /** Processed, saying what applying it did when that was not the obvious. */
  void markProcessed(long id, String outcome) {
    jdbc.sql("update inbound_event set processed_at = now(), last_error = null, outcome = ? where id = ?").params(outcome, id).update();
  }

  void markFailed(long id, String error) {
    jdbc.sql("update inbound_event set attempts = attempts + 1, last_error = ? where id = ?").params(error, id).update();
  }

  List<InboundEvent> unprocessed(int limit) {
    return jdbc.sql(
            """
            select id, provider, kind, dedupe_key, lead_id, payload from inbound_event
            where processed_at is null and received_at < now() - interval '2 seconds'
            order by id limit ?
            """)
        .param(limit)
        .query(InboundEvent.class)
        .list();
  }
}
