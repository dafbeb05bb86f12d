package io.leadflow.api.capture;

import io.leadflow.activities.store.CaptureRecord;
import io.leadflow.activities.store.CaptureRepository;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.LeadWorkflows;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a capture and its outbox entry in one transaction, then asks the relay to hand it to
 * Temporal right away. Nothing accepted is only in memory: if Temporal is down the entry waits.
 * The same person twice is one lead: the repeat joins it.
 */
@Service
class LeadCapture {

  private final LeadRepository leads;
  private final CaptureRepository captures;
  private final OutboxRepository outbox;
  private final CaptureRelay relay;
  private final TransactionTemplate transaction;
  private final Clock clock = Clock.systemUTC();

  LeadCapture(
      LeadRepository leads,
      CaptureRepository captures,
      OutboxRepository outbox,
      CaptureRelay relay,
      TransactionTemplate transaction) {
    this.leads = leads;
    this.captures = captures;
    this.outbox = outbox;
    this.relay = relay;
    this.transaction = transaction;
  }

  CapturedLead capture(CaptureLeadRequest request, String e164Phone) {
    OutboxEntry entry;
    try {
      entry = transaction.execute(status -> store(request, e164Phone));
    } catch (DataIntegrityViolationException samePersonAtTheSameMoment) {
      entry = transaction.execute(status -> store(request, e164Phone)); // now it joins
    }
    relay.relaySoon(entry.id());
    return new CapturedLead(entry.leadId(), LeadWorkflows.idFor(entry.leadId().toString()), entry.joined());
  }

  private OutboxEntry store(CaptureLeadRequest request, String phone) {
    String email = blankToNull(request.email());
    ContactKeys keys = ContactKeys.of(email, phone);
    Optional<Lead> known = leads.findByContact(keys.email(), keys.phone());
    Lead lead =
        known.orElseGet(
            () ->
                leads.save(
                    Lead.received(
                        request.name().strip(), email, phone, request.source().strip(),
                        request.interest().strip(), request.profile(), keys, clock.instant())));
    CaptureRecord capture =
        captures.save(
            CaptureRecord.of(
                lead.id(),
                request.source().strip(),
                request.interest().strip(),
                request.utm(),
                known.isPresent(),
                clock.instant()));
    return outbox.save(OutboxEntry.of(lead.id(), capture.id(), known.isPresent(), clock.instant()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
