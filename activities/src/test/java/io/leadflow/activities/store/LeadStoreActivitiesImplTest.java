package io.leadflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.activities.StoredLeads;
import io.leadflow.workflows.LeadStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class LeadStoreActivitiesImplTest {

  @Autowired LeadStoreActivitiesImpl store;
  @Autowired LeadRepository leads;

  @Test
  void recordsTheWorkflowsStatusOnTheStoredLead() {
    Lead lead = StoredLeads.save(leads, null);
    assertThat(lead.status()).isEqualTo(LeadStatus.NEW);

    store.recordStatus(lead.id().toString(), LeadStatus.CAPTURED);

    Lead stored = leads.findById(lead.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(LeadStatus.CAPTURED);
    assertThat(stored.updatedAt()).isAfterOrEqualTo(lead.updatedAt());
  }

  @Test
  void refusesALeadThatIsNotStored() {
    assertThatThrownBy(() -> store.recordStatus(UUID.randomUUID().toString(), LeadStatus.CAPTURED))
        .hasMessageContaining("is not in the lead store");
  }
}
