package io.leadflow.api.webhooks;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.capture.CaptureLeadRequest;
import io.leadflow.api.capture.LeadCapture;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whose booking a Calendly event is: the lead whose id the LeadFlow booking link carried
 * (utm_source leadflow, utm_content the lead's id), else the most recent lead with the invitee's
 * email. Someone LeadFlow does not know who books becomes a new lead from source {@code calendly},
 * captured like any other.
 */
@Component
class CalendlyLeads {

  static final String SOURCE = "calendly";

  private final LeadRepository leads;
  private final LeadCapture capture;
  private final JdbcClient jdbc;

  CalendlyLeads(LeadRepository leads, LeadCapture capture, JdbcClient jdbc) {
    this.leads = leads;
    this.capture = capture;
    this.jdbc = jdbc;
  }

  Optional<UUID> known(CalendlyEvent event) {
    Optional<UUID> linked = event.leadToken().filter(leads::existsById);
    if (linked.isPresent() || event.email() == null) {
      return linked;
    }
    return jdbc.sql("select id from lead where email_key = ? order by created_at desc limit 1")
        .param(ContactKeys.of(event.email(), null).email())
        .query(UUID.class)
        .optional();
  }

  /** A new lead for the invitee (one who has an address); empty when they gave none. */
  Optional<UUID> capture(CalendlyEvent event) {
    if (event.email() == null) {
      return Optional.empty();
    }
    CaptureLeadRequest request =
        new CaptureLeadRequest(
            event.name(), event.email(), null, SOURCE, event.eventName(),
            event.utm("utm_source"), event.utm("utm_medium"), event.utm("utm_campaign"), event.utm("utm_term"),
            event.utm("utm_content"), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    return Optional.of(capture.capture(request, null).leadId());
  }
}
