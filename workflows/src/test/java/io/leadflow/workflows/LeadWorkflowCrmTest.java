package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The team's CRM follows the lead, in order, and never holds it back: whether the CRM answers at
 * once, slowly, not at all for the whole cadence, or refuses.
 */
class LeadWorkflowCrmTest {

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;

  @BeforeEach
  void aCrmIsConfigured() {
    when(activities.playbooks.currentPlaybook()).thenReturn(Leads.PLAYBOOK.withCrmSync(true));
  }

  @Test
  void theCrmGetsTheScoredLeadItsOwnerEveryTouchAndItsStatusInOrder() {
    temporal.start(Leads.lead("crm-1"));
    temporal.sleep(Duration.ofMinutes(1));
    temporal.current("crm-1").acknowledge("ana");
    temporal.sleep(Duration.ofDays(15));

    assertThat(touchesLogged()).isEqualTo(stepsSent());
    assertThat(leadRecords())
        .anySatisfy(record -> {
          assertThat(record.ownerRep()).isEqualTo("ana");
          assertThat(record.score()).isEqualTo(48);
          assertThat(record.tier()).isEqualTo(Tier.HOT);
          assertThat(record.status()).isEqualTo(LeadStatus.IN_CADENCE);
        });
    assertThat(leadRecords().get(leadRecords().size() - 1).status()).isEqualTo(LeadStatus.NURTURE);
    assertThat(temporal.current("crm-1").state().crmRecord()).isEqualTo(new CrmRecord("fake-crm", "c-crm-1"));
  }

  @Test
  void aCrmDownForTheWholeCadenceDelaysNoTouchAndGetsEverythingInOrderWhenItIsBack() {
    Instant back = MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(15));
    doAnswer(call -> {
          if (temporal.now().isBefore(back)) {
            throw ApplicationFailure.newFailure("HubSpot answered 503", "CrmUnavailable");
          }
          activities.crmGot.add(call.getArgument(0));
          return new CrmRecord("fake-crm", "c-1");
        })
        .when(activities.crm)
        .syncLead(any());
    doAnswer(call -> {
          if (temporal.now().isBefore(back)) {
            throw ApplicationFailure.newFailure("HubSpot answered 503", "CrmUnavailable");
          }
          activities.crmGot.add(call.getArgument(0));
          return new CrmRecord("fake-crm", "c-1");
        })
        .when(activities.crm)
        .logTouch(any());
    temporal.start(Leads.lead("crm-2"));
    temporal.sleep(Duration.ofMinutes(1));
    temporal.current("crm-2").acknowledge("ana");

    temporal.sleep(Duration.ofDays(14).plusHours(1));
    assertThat(activities.crmGot).isEmpty();
    assertThat(activities.sent.get(0).at()).isBefore(MONDAY_10AM_NEW_YORK.plusSeconds(30));
    assertThat(activities.cadenceSends()).extracting(FakeActivities.Sent::day).containsExactly(1, 1, 3, 5, 8, 14);
    assertThat(temporal.current("crm-2").state().crmPending()).isNotEmpty();

    temporal.sleep(Duration.ofDays(2));
    assertThat(touchesLogged()).isEqualTo(stepsSent());
    assertThat(leadRecords().get(leadRecords().size() - 1).status()).isEqualTo(LeadStatus.NURTURE);
    LeadState state = temporal.current("crm-2").state();
    assertThat(state.crmPending()).isEmpty();
    assertThat(state.gaveUp()).isEmpty();
  }

  @Test
  void aSlowCrmAnswerHoldsBackNeitherTheInstantReplyNorTheRepsAlert() throws InterruptedException {
    CountDownLatch answer = new CountDownLatch(1);
    doAnswer(call -> {
          answer.await(20, TimeUnit.SECONDS);
          activities.crmGot.add(call.getArgument(0));
          return new CrmRecord("fake-crm", "c-3");
        })
        .when(activities.crm)
        .syncLead(any());
    temporal.start(Leads.lead("crm-3"));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while ((activities.sent.isEmpty() || activities.notices.isEmpty()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(activities.sent).isNotEmpty();
    assertThat(activities.notices).extracting(RepNotice::repId).contains("ana");
    assertThat(activities.crmGot).isEmpty();

    answer.countDown();
    temporal.sleep(Duration.ofMinutes(5));
    assertThat(leadRecords()).isNotEmpty();
    assertThat(touchesLogged()).isEqualTo(stepsSent());
  }

  @Test
  void aRecordTheCrmRefusesIsRecordedOnTheLeadAndTheTouchesAreStillLogged() {
    doThrow(ApplicationFailure.newNonRetryableFailure("Property \"leadflow_score\" does not exist", "CrmRefused"))
        .when(activities.crm)
        .syncLead(any());
    temporal.start(Leads.lead("crm-4"));
    temporal.sleep(Duration.ofMinutes(1));
    temporal.current("crm-4").acknowledge("ana");
    temporal.sleep(Duration.ofDays(2));

    LeadState state = temporal.current("crm-4").state();
    assertThat(state.gaveUp()).isNotEmpty().allSatisfy(step -> {
      assertThat(step.step()).startsWith("CRM · lead ");
      assertThat(step.reason()).contains("leadflow_score");
    });
    verify(activities.store, atLeastOnce()).recordGaveUp(eq("crm-4"), argThat(step -> step.step().startsWith("CRM · lead ")));
    assertThat(activities.cadenceSends()).extracting(FakeActivities.Sent::day).contains(1, 3);
    assertThat(touchesLogged()).isEqualTo(stepsSent());
    assertThat(state.crmPending()).isEmpty();
  }

  @Test
  void withoutACrmNothingIsCalled() {
    when(activities.playbooks.currentPlaybook()).thenReturn(Leads.PLAYBOOK);
    LeadWorkflow workflow = temporal.start(Leads.lead("crm-5"));
    // Routed in the first workflow task: an update delivered with that task would find no assignee yet.
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofDays(2));

    assertThat(activities.sent).isNotEmpty();
    assertThat(activities.crmGot).isEmpty();
  }

  @Test
  void aClosedLeadsLastChangesReachTheCrmBeforeItsWorkflowEnds() {
    temporal.start(Leads.lead("crm-6"));
    temporal.sleep(Duration.ofMinutes(1));
    temporal.current("crm-6").disqualify("student");
    temporal.sleep(Duration.ofMinutes(1));

    assertThat(leadRecords().get(leadRecords().size() - 1).status()).isEqualTo(LeadStatus.DISQUALIFIED);
  }

  private List<CrmLeadUpdate> leadRecords() {
    synchronized (activities.crmGot) {
      return activities.crmGot.stream().filter(CrmLeadUpdate.class::isInstance).map(CrmLeadUpdate.class::cast).toList();
    }
  }

  private List<String> touchesLogged() {
    synchronized (activities.crmGot) {
      return activities.crmGot.stream().filter(CrmTouchUpdate.class::isInstance).map(u -> ((CrmTouchUpdate) u).step()).toList();
    }
  }

  private List<String> stepsSent() {
    synchronized (activities.sent) {
      return activities.sent.stream().map(s -> s.request().step()).toList();
    }
  }
}
