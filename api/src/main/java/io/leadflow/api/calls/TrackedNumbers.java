package io.leadflow.api.calls;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tracked numbers ({@code tracked_number}), keyed by their E.164 form. */
@Repository
public class TrackedNumbers {

  private final JdbcClient jdbc;

  TrackedNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The number Twilio says a call or text was for, as it sends it (E.164); empty when not tracked. */
  public Optional<TrackedNumber> find(String number) {
    if (number == null) {
      return Optional.empty();
    }
    return jdbc.sql("select number, source, utm_campaign, utm_medium, forward_to, updated_at from tracked_number where number = ?")
        .param(number.strip())
        .query(TrackedNumber.class)
        .optional();
  }

  List<TrackedNumber> all() {
    return jdbc.sql("select number, source, utm_campaign, utm_medium, forward_to, updated_at from tracked_number order by number")
        .query(TrackedNumber.class)
        .list();
  }

  /** True when the number is new. */
  boolean save(TrackedNumber number) {
    return jdbc.sql(
            """
            insert into tracked_number (number, source, utm_campaign, utm_medium, forward_to, updated_at)
            values (?, ?, ?, ?, ?, now())
            on conflict (number) do update set source = excluded.source, utm_campaign = excluded.utm_campaign,
              utm_medium = excluded.utm_medium, forward_to = excluded.forward_to, updated_at = now()
            returning (xmax = 0)
            """)
        .params(number.number(), number.source(), number.utmCampaign(), number.utmMedium(), number.forwardTo())
        .query(Boolean.class)
        .single();
  }

  boolean delete(String number) {
    return jdbc.sql("delete from tracked_number where number = ?").param(number).update() == 1;
  }
}
