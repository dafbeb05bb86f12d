package io.leadflow.api.webhooks;

import io.leadflow.activities.routing.Rep;
import io.leadflow.activities.routing.RepStore;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.Reassignment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies one stored HubSpot event, a contact's property change. The contact is a lead through its
 * CRM record. A new owner ({@code hubspot_owner_id}) hands the lead to the rep with that CRM owner
 * id, unless that rep has it already (LeadFlow's own sync coming back); a lifecycle stage among the
 * stop stages closes it as converted. A change made before one already applied to the same
 * property is not applied. Anything else is {@link SkippedEvents recorded and skipped}.
 */
@Component
class HubSpotInbound {

  static final String PROVIDER = "hubspot";
  static final String CONTACT_PROPERTY_CHANGE = "contact.propertyChange";
  static final String OWNER = "hubspot_owner_id";
  static final String LIFECYCLE_STAGE = "lifecyclestage";
  private static final Set<String> USED_PROPERTIES = Set.of(OWNER, LIFECYCLE_STAGE);
  static final String OWNER_CHANGED = "Owner changed in HubSpot";

  private final CrmRecords records;
  private final LeadRepository leads;
  private final RepStore reps;
  private final LeadSignals signals;
  private final SkippedEvents skipped;
  private final HubSpotProperties properties;

  HubSpotInbound(
      CrmRecords records, LeadRepository leads, RepStore reps, LeadSignals signals, SkippedEvents skipped, HubSpotProperties properties) {
    this.records = records;
    this.leads = leads;
    this.reps = reps;
    this.signals = signals;
    this.skipped = skipped;
    this.properties = properties;
  }

  /** Whether LeadFlow acts on changes of this contact property. */
  static boolean uses(String property) {
    return property != null && USED_PROPERTIES.contains(property);
  }

  void apply(Map<String, String> event) {
    String id = event.get("eventId");
    String property = event.get("propertyName");
    String objectId = event.get("objectId");
    Instant occurredAt = instant(event.get("occurredAt"));
    if (!CONTACT_PROPERTY_CHANGE.equals(event.get("subscriptionType"))) {
      skipped.record(PROVIDER, "not a contact property change", id);
      return;
    }
    if (!uses(property)) {
      skipped.record(PROVIDER, "property LeadFlow does not use", id);
      return;
    }
    if (objectId == null || occurredAt == null) {
      skipped.record(PROVIDER, "no objectId or occurredAt", id);
      return;
    }
    Optional<Lead> found = records.leadOf(PROVIDER, objectId).flatMap(leads::findById);
    if (found.isEmpty()) {
      skipped.record(PROVIDER, "unknown contact", id);
      return;
    }
    if (!records.noteIfNewest(PROVIDER, objectId, property, occurredAt)) {
      skipped.record(PROVIDER, "older than the change applied", id);
      return;
    }
    Lead lead = found.get();
    if (lead.status().isClosed()) {
      skipped.record(PROVIDER, "lead closed", id);
      return;
    }
    String value = event.get("propertyValue") == null ? "" : event.get("propertyValue").strip();
    if (OWNER.equals(property)) {
      ownerChanged(lead, value, id);
    } else if (properties.stopsAt(value)) {
      leads.markStopped(lead.id());
      signals.convert(lead.id(), "HubSpot lifecycle stage: " + value);
    } else {
      skipped.record(PROVIDER, "lifecycle stage not a stop stage", id);
    }
  }

  private void ownerChanged(Lead lead, String ownerId, String id) {
    if (ownerId.isEmpty()) {
      skipped.record(PROVIDER, "owner removed", id);
      return;
    }
    List<String> owning = records.repsOwning(ownerId);
    if (owning.size() != 1) {
      skipped.record(PROVIDER, owning.isEmpty() ? "owner not mapped to a rep" : "owner mapped to several reps", id);
      return;
    }
    Optional<Rep> rep = reps.find(owning.get(0));
    if (rep.isEmpty() || !rep.get().active()) {
      skipped.record(PROVIDER, "owner's rep inactive", id);
      return;
    }
    if (rep.get().id().equals(lead.assignedRep())) {
      return; // the lead's own rep: LeadFlow's sync set this owner
    }
    signals.reassign(lead.id(), new Reassignment(rep.get().id(), OWNER_CHANGED));
  }

  private static Instant instant(String epochMillis) {
    try {
      return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return null;
    }
  }
}
