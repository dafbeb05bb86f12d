package io.leadflow.activities.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.CrmLeadUpdate;
import io.leadflow.workflows.CrmRecord;
import io.leadflow.workflows.CrmTouchUpdate;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.Tier;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the CRM gets for a lead and its touches, read from the real lead store, and how its refusals reach Temporal. */
@SpringBootTest
class CrmSyncActivitiesTest {

  @Autowired LeadRepository leads;
  @Autowired TouchRepository touches;
  @Autowired JdbcClient db;

  private final RecordingCrm crm = new RecordingCrm();
  private CrmSyncActivities activities;
  private String rep;

  @BeforeEach
  void aRepMappedToACrmOwner() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("crm", crm);
    activities = new CrmSyncActivities(beans.getBeanProvider(CrmClient.class), leads, touches, db);
    rep = "crm-rep-" + UUID.randomUUID().toString().substring(0, 8);
    db.sql("insert into rep (id, name, capacity, weight, skills, crm_owner_id) values (:id, 'Ana Ruiz', 10, 1, '{}', 'owner-77')")
        .param("id", rep)
        .update();
  }

  @Test
  void theLeadsRecordCarriesTheStoredContactItsProgressAndTheRepsCrmOwner() {
    Lead lead = StoredLeads.save(leads, true);

    CrmRecord record = activities.syncLead(new CrmLeadUpdate(lead.id().toString(), LeadStatus.IN_CADENCE, 48, Tier.HOT, rep));

    assertThat(record).isEqualTo(new CrmRecord("recording", "rec-" + lead.id()));
    assertThat(crm.leads).singleElement().satisfies(sent -> {
      assertThat(sent.leadId()).isEqualTo(lead.id().toString());
      assertThat(sent.firstName()).isEqualTo("Sarah");
      assertThat(sent.lastName()).isEqualTo("Kim");
      assertThat(sent.email()).isEqualTo(lead.email());
      assertThat(sent.phone()).isEqualTo(lead.phone());
      assertThat(sent.status()).isEqualTo(LeadStatus.IN_CADENCE);
      assertThat(sent.score()).isEqualTo(48);
      assertThat(sent.tier()).isEqualTo(Tier.HOT);
      assertThat(sent.ownerId()).isEqualTo("owner-77");
    });
    assertThat(recordIdOf(lead)).isEqualTo("rec-" + lead.id());
  }

  @Test
  void aRepWithoutACrmOwnerLeavesTheOwnerToTheCrm() {
    Lead lead = StoredLeads.save(leads, false);
    db.sql("update rep set crm_owner_id = null where id = :id").param("id", rep).update();

    activities.syncLead(new CrmLeadUpdate(lead.id().toString(), LeadStatus.AWAITING_ACK, 20, Tier.WARM, rep));

    assertThat(crm.leads.get(0).ownerId()).isNull();
  }

  @Test
  void aTouchIsLoggedOnceOnTheLeadsRecordHoweverOftenTheActivityRuns() {
    Lead lead = StoredLeads.save(leads, true);
    TouchRecord touch = storedTouch(lead, "r1-d1", Channel.SMS);
    CrmTouchUpdate update = new CrmTouchUpdate(lead.id().toString(), "r1-d1", Channel.SMS);

    activities.logTouch(update);
    CrmRecord again = activities.logTouch(update);

    assertThat(crm.touches).singleElement().satisfies(logged -> {
      assertThat(logged.recordId()).isEqualTo("rec-" + lead.id());
      assertThat(logged.touch().key()).isEqualTo(touch.businessKey());
      assertThat(logged.touch().channel()).isEqualTo(Channel.SMS);
      assertThat(logged.touch().outcome()).isEqualTo("SENT");
      assertThat(logged.touch().description()).contains("SM-r1-d1");
      assertThat(logged.touch().subject()).contains("d1-intro");
    });
    assertThat(crm.leads).as("the record was made first, from the store").hasSize(1);
    assertThat(again).isEqualTo(new CrmRecord("recording", "rec-" + lead.id()));
    assertThat(db.sql("select crm_id from crm_touch where business_key = :key").param("key", touch.businessKey()).query(String.class).single())
        .isEqualTo("act-1");
  }

  @Test
  void aRefusalIsNotRetriedAndAThrottleIsRetriedAfterTheCrmsRetryAfter() {
    Lead lead = StoredLeads.save(leads, false);
    CrmLeadUpdate update = new CrmLeadUpdate(lead.id().toString(), LeadStatus.NURTURE, 5, Tier.COLD, null);

    crm.failWith = CrmException.refused("HubSpot refused: Property \"leadflow_tier\" does not exist");
    assertThatThrownBy(() -> activities.syncLead(update))
        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
          assertThat(failure.isNonRetryable()).isTrue();
          assertThat(failure.getType()).isEqualTo("CrmRefused");
          assertThat(failure.getOriginalMessage()).contains("leadflow_tier");
        });

    crm.failWith = CrmException.retryable("HubSpot answered 429", Duration.ofSeconds(30));
    assertThatThrownBy(() -> activities.syncLead(update))
        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
          assertThat(failure.isNonRetryable()).isFalse();
          assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(30));
        });
    assertThat(recordIdOf(lead)).isNull();
  }

  @Test
  void withoutACrmNothingIsCalledOrKept() {
    Lead lead = StoredLeads.save(leads, false);
    CrmSyncActivities none = new CrmSyncActivities(new DefaultListableBeanFactory().getBeanProvider(CrmClient.class), leads, touches, db);

    assertThat(none.syncLead(new CrmLeadUpdate(lead.id().toString(), LeadStatus.NEW, null, null, null))).isNull();
    assertThat(recordIdOf(lead)).isNull();
  }

  @Test
  void namesAreSplitForCrmsThatNeedALastName() {
    assertThat(CrmSyncActivities.Name.of("Mary Ann Lee")).isEqualTo(new CrmSyncActivities.Name("Mary Ann", "Lee"));
    assertThat(CrmSyncActivities.Name.of("Cher")).isEqualTo(new CrmSyncActivities.Name(null, "Cher"));
    assertThat(CrmSyncActivities.Name.of("  ")).isEqualTo(new CrmSyncActivities.Name(null, null));
  }

  private TouchRecord storedTouch(Lead lead, String step, Channel channel) {
    String key = new CrmTouchUpdate(lead.id().toString(), step, channel).businessKey();
    touches.reserve(lead.id(), key, step, channel.name(), "d1-intro");
    touches.recordOutcome(key, "twilio", "SM-" + step, "SENT", Instant.now(), null);
    return touches.findByBusinessKey(key).orElseThrow();
  }

  private String recordIdOf(Lead lead) {
    return db.sql("select record_id from crm_record where lead_id = :id").param("id", lead.id()).query(String.class).optional().orElse(null);
  }

  /** A CRM that keeps what it was sent. */
  static final class RecordingCrm implements CrmClient {
    record Logged(String recordId, CrmTouch touch) {}

    final List<CrmLead> leads = new ArrayList<>();
    final List<Logged> touches = new ArrayList<>();
    RuntimeException failWith;

    @Override
    public String provider() {
      return "recording";
    }

    @Override
    public String upsertLead(CrmLead lead) {
      if (failWith != null) {
        throw failWith;
      }
      leads.add(lead);
      return "rec-" + lead.leadId();
    }

    @Override
    public String logTouch(String recordId, CrmTouch touch) {
      touches.add(new Logged(recordId, touch));
      return "act-" + touches.size();
    }
  }
}
