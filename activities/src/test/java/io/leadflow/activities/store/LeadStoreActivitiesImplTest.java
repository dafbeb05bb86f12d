package io.leadflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.activities.StoredLeads;
import io.leadflow.workflows.LeadProgress;
import io.leadflow.workflows.LeadScore;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.Tier;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class LeadStoreActivitiesImplTest {

  @Autowired LeadStoreActivitiesImpl store;
  @Autowired LeadRepository leads;

  @Test
  void recordsStatusScoreWithItsReasonsAndAssignee() {
    Lead lead = StoredLeads.save(leads, false);
    assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
    LeadScore score = new LeadScore(45, Tier.HOT, List.of("+30 demo request", "+15 returned with another form"));

    store.recordProgress(new LeadProgress(lead.id().toString(), LeadStatus.AWAITING_ACK, score, "ana"));

    Lead stored = leads.findById(lead.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(LeadStatus.AWAITING_ACK);
    assertThat(stored.score()).isEqualTo(45);
    assertThat(stored.tier()).isEqualTo(Tier.HOT);
    assertThat(stored.scoreBreakdown()).containsExactly("+30 demo request", "+15 returned with another form");
    assertThat(stored.assignedRep()).isEqualTo("ana");
    assertThat(stored.updatedAt()).isAfterOrEqualTo(lead.updatedAt());
  }

  @Test
  void absentFieldsLeaveWhatIsStored() {
    Lead lead = StoredLeads.save(leads, false);
    LeadScore score = new LeadScore(20, Tier.WARM, List.of("+20 pricing interest"));
    store.recordProgress(new LeadProgress(lead.id().toString(), LeadStatus.AWAITING_ACK, score, "ana"));

    store.recordProgress(new LeadProgress(lead.id().toString(), LeadStatus.IN_CADENCE, null, null));

    Lead stored = leads.findById(lead.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(LeadStatus.IN_CADENCE);
    assertThat(stored.tier()).isEqualTo(Tier.WARM);
    assertThat(stored.assignedRep()).isEqualTo("ana");
  }

  @Test
  void refusesALeadThatIsNotStored() {
    LeadProgress progress = new LeadProgress(UUID.randomUUID().toString(), LeadStatus.CAPTURED, null, null);

    assertThatThrownBy(() -> store.recordProgress(progress)).hasMessageContaining("is not in the lead store");
  }

  @Test
  void findsThePersonByEitherContactHoweverItIsWritten() {
    Lead byEmail = StoredLeads.save(leads, false);
    Lead byPhone = StoredLeads.save(leads, true);
    String email = " " + byEmail.email().toUpperCase() + " ";
    String phone = "+1 (" + byPhone.phone().substring(2, 5) + ") " + byPhone.phone().substring(5);

    assertThat(leads.findByContact(ContactKeys.of(email, null).email(), null)).map(Lead::id).hasValue(byEmail.id());
    assertThat(leads.findByContact(null, ContactKeys.of(null, phone).phone())).map(Lead::id).hasValue(byPhone.id());
    assertThat(leads.findByContact(ContactKeys.of("nobody@acme.test", null).email(), null)).isEmpty();
  }
}
