package io.leadflow.api.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a CRM's webhook names, in LeadFlow's terms: its record is a lead, its owner a rep. */
@Repository
class CrmRecords {

  private final JdbcClient jdbc;

  CrmRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The lead whose record in {@code provider} is {@code recordId} (crm_record, written by the CRM sync). */
  Optional<UUID> leadOf(String provider, String recordId) {
    return jdbc.sql("select lead_id from crm_record where provider = ? and record_id = ? limit 1")
        .params(provider, recordId)
        .query(UUID.class)
        .optional();
  }

  /** The reps whose CRM owner id is {@code ownerId} (the admin API keeps it to one). */
  List<String> repsOwning(String ownerId) {
    return jdbc.sql("select id from rep where crm_owner_id = ? order by id").param(ownerId).query(String.class).list();
  }

  /**
   * Notes a change of the record's property made at {@code occurredAt}; false when a change made
   * later was noted before (this one arrived out of order and must not undo it).
   */
  boolean noteIfNewest(String provider, String recordId, String property, Instant occurredAt) {
    return jdbc.sql(
            """
            insert into crm_property_change (provider, record_id, property, occurred_at) values (?, ?, ?, ?)
            on conflict (provider, record_id, property) do update set occurred_at = excluded.occurred_at
            where crm_property_change.occurred_at <= excluded.occurred_at
            """)
        .params(provider, recordId, property, Timestamp.from(occurredAt))
        .update() > 0;
  }
}
