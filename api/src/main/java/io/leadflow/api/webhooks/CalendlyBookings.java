package io.leadflow.api.webhooks;

import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last Calendly event applied to each booking (one invitee of one scheduled event: a group
 * event's invitees are booked and cancel apart). Events of a booking are applied in the order of
 * their {@code created_at}, whatever order they are delivered in.
 */
@Repository
class CalendlyBookings {

  private final JdbcClient jdbc;

  CalendlyBookings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True when an event of this booking created no earlier than {@code event} was applied already. */
  boolean superseded(CalendlyEvent event) {
    return jdbc.sql(
            """
            select exists (select 1 from calendly_booking
                           where scheduled_event_uri = ? and invitee_uri = ? and last_created_at >= ?)
            """)
        .params(event.bookingUri(), event.inviteeUri(), Timestamp.from(event.createdAt()))
        .query(Boolean.class)
        .single();
  }

  /**
   * Records {@code event} as the booking's last applied one, unless one created later was applied
   * already (then false: this one is out of date). Holds the booking's row until the transaction
   * ends, so two events of one booking are applied one at a time; call it in the transaction
   * that applies the event, so one that fails to apply is not recorded.
   */
  boolean claim(CalendlyEvent event, UUID leadId) {
    return jdbc.sql(
                """
                insert into calendly_booking (scheduled_event_uri, invitee_uri, lead_id, last_event, last_created_at)
                values (?, ?, ?, ?, ?)
                on conflict (scheduled_event_uri, invitee_uri) do update
                set lead_id = excluded.lead_id, last_event = excluded.last_event,
                    last_created_at = excluded.last_created_at, applied_at = now()
                where calendly_booking.last_created_at < excluded.last_created_at
                """)
            .params(event.bookingUri(), event.inviteeUri(), leadId, event.event(), Timestamp.from(event.createdAt()))
            .update()
        == 1;
  }
}
