package io.leadflow.api.capture;

import io.leadflow.activities.consent.Consents;
import io.leadflow.activities.store.CaptureAttributes;
import io.leadflow.activities.store.CaptureRecord;
import io.leadflow.activities.store.CaptureRepository;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.LeadWorkflows;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a capture and its outbox entry in one transaction, then asks the relay to hand it to
 * Temporal right away. Nothing accepted is only in memory: if Temporal is down the entry waits.
 * The same person twice is one lead: the repeat joins it, signalled to the lead's workflow as an
 * engagement at most {@code leadflow.capture.repeats-per-window} times a window (3 a day); the
 * rest are stored and counted ({@code coalesced}), so a hostile repeater cannot grow the
 * workflow's history.
 */
@Service
public class LeadCapture {

  private final LeadRepository leads;
  private final CaptureRepository captures;
  private final CaptureAttributes attributes;
  private final OutboxRepository outbox;
  private final CaptureRelay relay;
  private final Consents consents;
  private final TransactionTemplate transaction;
  private final Clock clock = Clock.systemUTC();

  private final int repeatsPerWindow;
  private final Duration repeatWindow;

  LeadCapture(
      LeadRepository leads,
      CaptureRepository captures,
      CaptureAttributes attributes,
      OutboxRepository outbox,
      CaptureRelay relay,
      Consents consents,
      TransactionTemplate transaction,
      @Value("${leadflow.capture.repeats-per-window:3}") int repeatsPerWindow,
      @Value("${leadflow.capture.repeat-window:24h}") Duration repeatWindow) {
    this.repeatsPerWindow = repeatsPerWindow;
    this.repeatWindow = repeatWindow;
    this.leads = leads;
    this.captures = captures;
    this.attributes = attributes;
    this.outbox = outbox;
    this.relay = relay;
    this.consents = consents;
    this.transaction = transaction;
  }

  public CapturedLead capture(CaptureLeadRequest request, String e164Phone) {
    return capture(request, e164Phone, null);
  }

  /** {@code inbound}: what Twilio's signed webhook adds to a call or text (null for every other capture). */
  CapturedLead capture(CaptureLeadRequest request, String e164Phone, InboundContact inbound) {
    Stored stored;
    try {
      stored = transaction.execute(status -> store(request, e164Phone, inbound));
    } catch (DataIntegrityViolationException samePersonAtTheSameMoment) {
      stored = transaction.execute(status -> store(request, e164Phone, inbound)); // now it joins
    }
    if (stored.outboxId() != null) {
      relay.relaySoon(stored.outboxId());
    }
    return new CapturedLead(
        stored.captureId(), stored.leadId(), LeadWorkflows.idFor(stored.leadId().toString()), stored.joined());
  }

  /**
   * The same, for a caller that holds a transaction (a list import's batch of rows): stored in
   * it, and left to the relay's scan ({@code leadflow.capture.relay-interval}) rather than its
   * fast path, which would take a thread per row at once. The same person stored by someone else
   * at the same moment throws {@link DataIntegrityViolationException}: roll back to a savepoint
   * and call again, and it joins.
   */
  public CapturedLead captureWithin(CaptureLeadRequest request, String e164Phone) {
    Stored stored = store(request, e164Phone, null);
    return new CapturedLead(
        stored.captureId(), stored.leadId(), LeadWorkflows.idFor(stored.leadId().toString()), stored.joined());
  }

  /** {@code outboxId} null: a repeat only counted (coalesced), nothing to hand to Temporal. */
  private record Stored(UUID captureId, UUID leadId, boolean joined, Long outboxId) {}

  private Stored store(CaptureLeadRequest request, String phone, InboundContact inbound) {
    String email = blankToNull(request.email());
    ContactKeys keys = ContactKeys.of(email, phone);
    Optional<Lead> known = leads.findByContact(keys.email(), keys.phone());
    Lead lead =
        known.orElseGet(
            () ->
                leads.save(
                    Lead.received(
                        request.composedName(), email, phone, request.source().strip(),
                        request.statedInterest(), request.profile(), keys, clock.instant())));
    if (known.isPresent()) {
      addMissingContact(lead, email, phone, keys);
    }
    boolean coalesced = known.isPresent() && overRepeatLimit(lead.id());
    CaptureRecord capture =
        captures.save(
            CaptureRecord.of(
                lead.id(),
                request.source().strip(),
                request.statedInterest(),
                request.utm(),
                request.attribution(),
                known.isPresent(),
                coalesced,
                clock.instant(),
                request.statedMessage()));
    attributes.save(capture.id(), request.customAttributes());
    recordConsent(request, lead.id(), capture, keys);
    if (inbound != null) {
      recordInbound(inbound, lead.id(), capture, keys);
    }
    if (coalesced) {
      return new Stored(capture.receiptId(), lead.id(), true, null);
    }
    return new Stored(capture.receiptId(), lead.id(), known.isPresent(), outbox.save(OutboxEntry.of(lead.id(), capture.id(), known.isPresent(), clock.instant())).id());
  }

  /**
   * One person stays one lead: a repeat that brings the email or phone the lead lacked adds it,
   * so a later capture by either finds this lead. One that another lead already holds is left
   * there (the two leads stay apart rather than be merged behind anyone's back).
   */
  private void addMissingContact(Lead lead, String email, String phone, ContactKeys keys) {
    String newEmail = lead.email() == null && email != null && leads.findByContact(keys.email(), null).isEmpty() ? email : null;
    String newPhone = lead.phone() == null && phone != null && leads.findByContact(null, keys.phone()).isEmpty() ? phone : null;
    if (newEmail != null || newPhone != null) {
      leads.addMissingContact(
          lead.id(), newEmail, newEmail == null ? null : keys.email(), newPhone, newPhone == null ? null : keys.phone());
    }
  }

  /** Kept with the capture that brought it, for the contact it covers. */
  private void recordConsent(CaptureLeadRequest request, UUID leadId, CaptureRecord capture, ContactKeys keys) {
    for (CaptureConsent given : request.consents()) {
      String contactKey = given.channel() == Channel.EMAIL ? keys.email() : keys.phone();
      consents.record(leadId, capture.id(), contactKey, given.given(capture.createdAt()), capture.source());
    }
  }

  /** In the capture's transaction, so the workflow it starts already sees both. */
  private void recordInbound(InboundContact inbound, UUID leadId, CaptureRecord capture, ContactKeys keys) {
    consents.record(leadId, capture.id(), keys.phone(), inbound.consent(), capture.source());
    if (inbound.missedCall()) {
      captures.markMissedCall(capture.id());
    }
  }

  /** The person already sent {@code repeatsPerWindow} repeats that reached their workflow in this window. */
  private boolean overRepeatLimit(UUID leadId) {
    leads.lock(leadId);
    return captures.countSignalledRepeatsSince(leadId, clock.instant().minus(repeatWindow)) >= repeatsPerWindow;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
