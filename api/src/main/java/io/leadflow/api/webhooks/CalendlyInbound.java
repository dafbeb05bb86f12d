package io.leadflow.api.webhooks;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a stored Calendly event to its lead ({@link CalendlyLeads}): a booking tells the lead's
 * workflow {@code meetingBooked(start)}, as a rep's POST /leads/{id}/meeting does (the cadence
 * stops); a cancellation {@code meetingCanceled(start)}. The cancellation half of a reschedule
 * changes nothing: the new booking's invitee.created follows. An event older than the last one
 * applied to its booking ({@link CalendlyBookings}) is not applied; nor is a booking by someone
 * LeadFlow does not know made into a lead once its cancellation was applied.
 */
@Component
class CalendlyInbound {

  static final String PROVIDER = "calendly";

  private final CalendlyLeads leads;
  private final CalendlyBookings bookings;
  private final LeadSignals signals;
  private final SkippedEvents skipped;
  private final TransactionTemplate transaction;

  CalendlyInbound(
      CalendlyLeads leads, CalendlyBookings bookings, LeadSignals signals, SkippedEvents skipped, TransactionTemplate transaction) {
    this.leads = leads;
    this.bookings = bookings;
    this.signals = signals;
    this.skipped = skipped;
    this.transaction = transaction;
  }

  /** @return what applying it did, when that was not the obvious; null when it was */
  String apply(Map<String, String> fields) {
    CalendlyEvent event = new CalendlyEvent(fields);
    if (!event.used()) {
      return CalendlyIntake.NOT_USED;
    }
    boolean booked = CalendlyEvent.CREATED.equals(event.event());
    Optional<UUID> known = leads.known(event);
    Optional<UUID> lead = known.isEmpty() && booked && !bookings.superseded(event) ? leads.capture(event) : known;
    return transaction.execute(status -> {
      if (!bookings.claim(event, lead.orElse(null))) {
        skipped.record(PROVIDER, "older than the booking's last applied event", event.inviteeUri());
        return "not applied: older than the last event applied to this booking";
      }
      if (lead.isEmpty()) {
        return booked ? "not applied: the invitee gave no email, so no lead was made" : "not applied: no lead is this invitee";
      }
      UUID leadId = lead.get();
      if (!booked && event.rescheduled()) {
        return "not applied: cancelled to be rescheduled (the new booking follows)";
      }
      boolean told = booked ? signals.meetingBooked(leadId, event.startTime()) : signals.meetingCanceled(leadId, event.startTime());
      return told ? null : "not applied: the lead is closed and its workflow has ended";
    });
  }
}
