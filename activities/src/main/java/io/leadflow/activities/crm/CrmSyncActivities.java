package io.leadflow.activities.crm;

import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.CrmActivities;
import io.leadflow.workflows.CrmLeadUpdate;
import io.leadflow.workflows.CrmRecord;
import io.leadflow.workflows.CrmTouchUpdate;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CRM activities: the contact details come from the lead store (never from the workflow's
 * history), the rep's CRM owner id from the rep directory. Which CRM record each lead and touch
 * became is kept ({@code crm_record}, {@code crm_touch}), so a touch is logged once however often
 * the activity runs. Without a CRM ({@code leadflow.crm.provider=none}) nothing is called.
 */
@Component("crmActivities")
@EnableConfigurationProperties(CrmProperties.class)
class CrmSyncActivities implements CrmActivities {

  private final ObjectProvider<CrmClient> clients;
  private final LeadRepository leads;
  private final TouchRepository touches;
  private final JdbcClient db;

  CrmSyncActivities(ObjectProvider<CrmClient> clients, LeadRepository leads, TouchRepository touches, JdbcClient db) {
    this.clients = clients;
    this.leads = leads;
    this.touches = touches;
    this.db = db;
  }

  @Override
  public CrmRecord syncLead(CrmLeadUpdate update) {
    CrmClient crm = clients.getIfAvailable();
    if (crm == null) {
      return null;
    }
    Lead lead = stored(update.leadId());
    Name name = Name.of(lead.name());
    CrmLead record =
        new CrmLead(
            update.leadId(), name.first(), name.last(), lead.email(), lead.phone(), lead.company(), lead.title(),
            lead.source(), lead.interest(), update.score(), update.tier(), update.status(), ownerId(update.ownerRep()));
    String recordId = classified(() -> crm.upsertLead(record));
    db.sql("""
            insert into crm_record (lead_id, provider, record_id) values (:lead, :provider, :record)
            on conflict (lead_id, provider) do update set record_id = excluded.record_id, synced_at = now()
            """)
        .param("lead", lead.id())
        .param("provider", crm.provider())
        .param("record", recordId)
        .update();
    return new CrmRecord(crm.provider(), recordId);
  }

  @Override
  public CrmRecord logTouch(CrmTouchUpdate update) {
    CrmClient crm = clients.getIfAvailable();
    if (crm == null) {
      return null;
    }
    String key = update.businessKey();
    Optional<String> recordId = recordOf(update.leadId(), crm.provider());
    if (recordId.isPresent() && logged(crm.provider(), key)) {
      return new CrmRecord(crm.provider(), recordId.get());
    }
    Lead lead = stored(update.leadId());
    String record =
        recordId.orElseGet(
            () -> syncLead(new CrmLeadUpdate(update.leadId(), lead.status(), lead.score(), lead.tier(), lead.assignedRep())).id());
    TouchRecord touch =
        touches.findByBusinessKey(key).orElseThrow(() -> refused("No touch " + key + " in the lead store", "UnknownTouch"));
    CrmTouch logged =
        new CrmTouch(
            key, touch.channel(), touch.outcome(), touch.sentAt() != null ? touch.sentAt() : touch.createdAt(),
            subject(touch), description(touch), ownerId(lead.assignedRep()));
    String crmId = classified(() -> crm.logTouch(record, logged));
    db.sql("insert into crm_touch (provider, business_key, crm_id) values (:provider, :key, :id) on conflict do nothing")
        .param("provider", crm.provider())
        .param("key", key)
        .param("id", crmId)
        .update();
    return new CrmRecord(crm.provider(), record);
  }

  private Lead stored(String leadId) {
    return leads.findById(UUID.fromString(leadId)).orElseThrow(() -> refused("Lead " + leadId + " is not in the lead store", "UnknownLead"));
  }

  private String ownerId(String repId) {
    return repId == null
        ? null
        : db.sql("select crm_owner_id from rep where id = :id").param("id", repId).query(String.class).optional().orElse(null);
  }

  private Optional<String> recordOf(String leadId, String provider) {
    return db.sql("select record_id from crm_record where lead_id = :lead and provider = :provider")
        .param("lead", UUID.fromString(leadId))
        .param("provider", provider)
        .query(String.class)
        .optional();
  }

  private boolean logged(String provider, String key) {
    return db.sql("select count(*) from crm_touch where provider = :provider and business_key = :key")
            .param("provider", provider)
            .param("key", key)
            .query(Long.class)
            .single()
        > 0;
  }

  private static String subject(TouchRecord touch) {
    return "LeadFlow " + touch.channel() + " · " + touch.step() + (touch.template() == null ? "" : " (" + touch.template() + ")");
  }

  private static String description(TouchRecord touch) {
    String how = touch.provider() == null ? "" : " by " + touch.provider();
    return "SENT".equals(touch.outcome())
        ? touch.channel() + " sent" + how + (touch.providerMessageId() == null ? "" : " (" + touch.providerMessageId() + ")")
        : touch.channel() + " not sent: " + (touch.detail() == null ? touch.outcome() : touch.detail());
  }

  /** The CRM's answer as Temporal needs it: retried (after the CRM's Retry-After) or given up at once. */
  private static String classified(Supplier<String> call) {
    try {
      return call.get();
    } catch (CrmException e) {
      if (!e.retryable()) {
        throw refused(e.getMessage(), "CrmRefused");
      }
      ApplicationFailure.Builder failure = ApplicationFailure.newBuilder().setMessage(e.getMessage()).setType("CrmUnavailable");
      throw (e.retryAfter() == null ? failure : failure.setNextRetryDelay(e.retryAfter())).build();
    }
  }

  private static ApplicationFailure refused(String message, String type) {
    return ApplicationFailure.newNonRetryableFailure(message, type);
  }

  /** "Sarah Kim" → Sarah / Kim; one word is a last name (CRMs require one), none is unknown. */
  record Name(String first, String last) {
    static Name of(String full) {
      String name = full == null ? "" : full.strip();
      int space = name.lastIndexOf(' ');
      if (name.isEmpty()) {
        return new Name(null, null);
      }
      return space < 0 ? new Name(null, name) : new Name(name.substring(0, space).strip(), name.substring(space + 1));
    }
  }
}
