package io.leadflow.activities.store;

import io.leadflow.workflows.Channel;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one suppression list every send checks: a contact (email or phone key) blocked on a channel
 * or on ALL. Opt-outs, STOP texts, bounces and spam reports all land here, and stay until the
 * person opts back in on that channel ({@link #lift}).
 */
@Repository
public class Suppressions {

  public static final String ALL = "ALL";

  private final JdbcClient jdbc;

  Suppressions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean blocks(String contactKey, Channel channel) {
    if (contactKey == null) {
      return false;
    }
    return jdbc.sql("select count(*) from suppression where contact_key = ? and channel in (?, ?)")
            .params(contactKey, channel.name(), ALL)
            .query(Long.class)
            .single()
        > 0;
  }

  private static final int REASON_LENGTH = 200;

  /** Idempotent: suppressing twice keeps the first reason. */
  public void suppress(String contactKey, String channel, String reason, String source) {
    jdbc.sql(
            """
            insert into suppression (contact_key, channel, reason, source) values (?, ?, ?, ?)
            on conflict (contact_key, channel) do nothing
            """)
        .params(contactKey, channel, BoundedText.fit(reason, REASON_LENGTH), source)
        .update();
  }

  /**
   * Lifts the suppression of this one channel (START lifts texts only), keeping what it was and the
   * evidence that lifted it in {@code suppression_lifted}. A suppression of ALL is first split
   * into one per other channel, so those stay suppressed.
   */
  @Transactional
  public void lift(String contactKey, Channel channel, String evidence, String source) {
    jdbc.sql(
            """
            insert into suppression (contact_key, channel, reason, source, created_at)
            select s.contact_key, other.channel, s.reason, s.source, s.created_at
            from suppression s, (values ('CALL'), ('SMS'), ('EMAIL')) as other (channel)
            where s.contact_key = ? and s.channel = 'ALL' and other.channel <> ?
            on conflict (contact_key, channel) do nothing
            """)
        .params(contactKey, channel.name())
        .update();
    jdbc.sql(
            """
            with lifted as (delete from suppression where contact_key = ? and channel in (?, 'ALL') returning *)
            insert into suppression_lifted (contact_key, channel, reason, suppressed_at, evidence, source)
            select contact_key, channel, reason, created_at, ?, ? from lifted
            """)
        .params(contactKey, channel.name(), BoundedText.fit(evidence, 500), BoundedText.fit(source, 64))
        .update();
  }

  public List<String> channelsBlocked(String contactKey) {
    return jdbc.sql("select channel from suppression where contact_key = ? order by channel")
        .param(contactKey)
        .query(String.class)
        .list();
  }
}
