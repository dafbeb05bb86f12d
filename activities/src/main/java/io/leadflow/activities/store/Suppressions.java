package io.leadflow.activities.store;

import io.leadflow.workflows.Channel;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one suppression list every send checks: a contact (email or phone key) blocked on a channel
 * or on ALL. Opt-outs, STOP texts, bounces and spam reports all land here, for good.
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

  public void lift(String contactKey, String channel) {
    jdbc.sql("delete from suppression where contact_key = ? and channel = ?").params(contactKey, channel).update();
  }

  public List<String> channelsBlocked(String contactKey) {
    return jdbc.sql("select channel from suppression where contact_key = ? order by channel")
        .param(contactKey)
        .query(String.class)
        .list();
  }
}
