package io.leadflow.activities.consent;

import io.leadflow.activities.store.BoundedText;
import io.leadflow.workflows.Channel;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Consent on record, per contact (the phone for calls and texts, the address for email) and
 * channel. Kept for audit and never deleted: an opt-out suppresses the person, it does not
 * rewrite what they once agreed to.
 */
@Repository
public class Consents {

  private final JdbcClient jdbc;

  Consents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(UUID leadId, Long captureId, String contactKey, ConsentGiven given, String source) {
    jdbc.sql(
            """
            insert into consent (lead_id, capture_id, contact_key, channel, method, text, given_at, page_url, ip, user_agent, source)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            leadId,
            captureId,
            contactKey,
            given.channel().name(),
            given.method().name(),
            BoundedText.fit(given.text(), 2000),
            Timestamp.from(given.givenAt()),
            BoundedText.fit(given.pageUrl(), 2000),
            BoundedText.fit(given.ip(), 64),
            BoundedText.fit(given.userAgent(), 500),
            BoundedText.fit(source, 64))
        .update();
  }

  /** The latest consent for this contact on this channel, whichever lead recorded it. */
  Optional<Long> latest(String contactKey, Channel channel) {
    return jdbc.sql("select id from consent where contact_key = ? and channel = ? order by given_at desc, id desc limit 1")
        .params(contactKey, channel.name())
        .query(Long.class)
        .optional();
  }

  /**
   * The consent a vouching source gives for this lead's contact, recorded once (the first time it
   * is relied on) from the lead's first capture by such a source; empty when none of its captures
   * came from one.
   */
  Optional<Long> vouched(UUID leadId, String contactKey, Channel channel, Collection<String> vouchingSources) {
    if (vouchingSources.isEmpty()) {
      return Optional.empty();
    }
    String[] sources = vouchingSources.toArray(String[]::new);
    jdbc.sql(
            """
            insert into consent (lead_id, capture_id, contact_key, channel, method, text, given_at, source)
            select c.lead_id, c.id, ?, ?, 'VOUCHED',
                   'The source ' || c.source || ' vouches for the consent of the people it sends', c.created_at, c.source
            from lead_capture c where c.lead_id = ? and c.source = any (?) order by c.id limit 1
            on conflict (contact_key, channel, source) where method = 'VOUCHED' do nothing
            """)
        .params(contactKey, channel.name(), leadId, sources)
        .update();
    return jdbc.sql(
            "select id from consent where contact_key = ? and channel = ? and method = 'VOUCHED' and source = any (?) order by id limit 1")
        .params(contactKey, channel.name(), sources)
        .query(Long.class)
        .optional();
  }

  public List<StoredConsent> of(UUID leadId) {
    return jdbc.sql("select id, channel, method, text, given_at, source from consent where lead_id = ? order by given_at, id")
        .param(leadId)
        .query((row, n) -> new StoredConsent(
            row.getLong("id"),
            Channel.valueOf(row.getString("channel")),
            ConsentMethod.valueOf(row.getString("method")),
            row.getString("text"),
            row.getTimestamp("given_at").toInstant(),
            row.getString("source")))
        .list();
  }
}
