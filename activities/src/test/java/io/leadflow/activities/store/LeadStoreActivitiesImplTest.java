package io.leadflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.activities.StoredLeads;
import io.leadflow.workflows.LeadProgress;
import io.leadflow.workflows.LeadScore;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.LeadStoreActivities;
import io.leadflow.workflows.Tier;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.time.Instant;
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
  void theStoredScoreSaysWhenItWasScoredAndAProgressWithoutAScoreKeepsIt() {
    Lead lead = StoredLeads.save(leads, false);
    Instant asOf = Instant.parse("2026-04-01T15:00:00Z");
    store.recordProgress(
        new LeadProgress(lead.id().toString(), LeadStatus.NURTURE, new LeadScore(25, Tier.WARM, List.of("+15 demo request (halved: 30 days old)"), asOf), null));

    store.recordProgress(new LeadProgress(lead.id().toString(), LeadStatus.NURTURE, null, null));

    assertThat(leads.findById(lead.id()).orElseThrow().scoredAt()).isEqualTo(asOf);
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
  void refusesALeadThatIsNotStoredWithoutRetrying() {
    LeadProgress progress = new LeadProgress(UUID.randomUUID().toString(), LeadStatus.CAPTURED, null, null);
    TestActivityEnvironment temporal = TestActivityEnvironment.newInstance();
    try {
      temporal.registerActivitiesImplementations(store);
      LeadStoreActivities activities =
          temporal.newActivityStub(
              LeadStoreActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(10))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
                  .build());

      assertThatThrownBy(() -> activities.recordProgress(progress))
          .isInstanceOf(ActivityFailure.class)
          .cause()
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              failure -> {
                assertThat(failure.getType()).isEqualTo("LeadNotFound");
                assertThat(failure.isNonRetryable()).isTrue();
                assertThat(failure.getOriginalMessage()).contains("is not in the lead store");
              });
    } finally {
      temporal.close();
    }
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
