package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeadWorkflowNurtureTest {

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;


  /** Cold without engagement; warm once the lead engages (a second form fill, a pricing visit). */
  private void scoreColdUntilEngaged() {
    doAnswer(
            call -> {
              ScoreRequest request = call.getArgument(0);
              return request.engagements().isEmpty() ? Leads.COLD : Leads.WARM;
            })
        .when(activities.scoring)
        .score(any());
  }

  @Test
  void aColdLeadGoesStraightToNurtureWithoutARep() {
    scoreColdUntilEngaged();
    LeadWorkflow workflow = temporal.start(Leads.lead("nur-1"));
    temporal.sleep(Duration.ofMinutes(1));

    LeadState state = workflow.state();
    assertThat(state.status()).isEqualTo(LeadStatus.NURTURE);
    assertThat(state.assignedRep()).isNull();
    assertThat(activities.sent).isEmpty();
    verify(activities.routing, times(0)).route(any());
  }

  @Test
  void nurtureEmailsMonthlyAndContinuesAsNewSoHistoryStaysBounded() {
    scoreColdUntilEngaged();
    temporal.start(Leads.lead("nur-2"));
    String firstRun = temporal.untyped("nur-2").describe().getExecution().getRunId();

    temporal.sleep(Duration.ofDays(61));

    assertThat(activities.sentOn(Channel.EMAIL))
        .extracting(s -> s.request().step())
        .containsExactly("nurture-1", "nurture-2");
    var current = temporal.untyped("nur-2").describe();
    assertThat(current.getExecution().getRunId()).isNotEqualTo(firstRun);
    assertThat(temporal.client().fetchHistory(LeadWorkflows.idFor("nur-2")).getEvents()).hasSizeLessThan(60);
    LeadState state = temporal.current("nur-2").state();
    assertThat(state.status()).isEqualTo(LeadStatus.NURTURE);
    assertThat(state.nurtureTouches()).isEqualTo(2);
  }

  @Test
  void aReEngagedLeadComesBackToScoringRoutingAndANewCadence() {
    scoreColdUntilEngaged();
    temporal.start(Leads.lead("nur-3"));
    temporal.sleep(Duration.ofDays(40)); // one nurture email, one continue-as-new

    temporal.current("nur-3").engagement(new EngagementEvent("form-fill", "pricing form", "cap-2"));
    temporal.sleep(Duration.ofMinutes(1));

    LeadState state = temporal.current("nur-3").state();
    assertThat(state.status()).isEqualTo(LeadStatus.AWAITING_ACK);
    assertThat(state.score().tier()).isEqualTo(Tier.WARM);
    assertThat(state.assignedRep()).isEqualTo("ana");
    assertThat(state.cadenceRound()).isEqualTo(1);
    assertThat(state.nurtureTouches()).isEqualTo(1);
    assertThat(state.notes()).anyMatch(n -> n.startsWith("Re-engaged from nurture"));
  }

  @Test
  void aSleepingLeadIsScoredAgainAtEachNurtureRoundAsOfThatRound() {
    List<Instant> scoredAsOf = Collections.synchronizedList(new ArrayList<>());
    doAnswer(
            call -> {
              Instant asOf = call.<ScoreRequest>getArgument(0).asOf();
              scoredAsOf.add(asOf);
              // Stands in for decay: the older the lead's intent, the fewer points it keeps.
              int total = 12 - (int) Duration.between(MONDAY_10AM_NEW_YORK, asOf).toDays() / 30;
              return new LeadScore(total, Tier.COLD, List.of("+" + total + " demo request"), asOf);
            })
        .when(activities.scoring)
        .score(any());
    temporal.start(Leads.lead("nur-7"));

    temporal.sleep(Leads.PLAYBOOK.nurtureInterval().multipliedBy(2).plusDays(1));

    Instant firstRound = MONDAY_10AM_NEW_YORK.plus(Leads.PLAYBOOK.nurtureInterval());
    assertThat(scoredAsOf).hasSize(3);
    LeadWorkflowExtension.assertAround(scoredAsOf.get(0), MONDAY_10AM_NEW_YORK);
    LeadWorkflowExtension.assertAround(scoredAsOf.get(1), firstRound);
    LeadWorkflowExtension.assertAround(scoredAsOf.get(2), firstRound.plus(Leads.PLAYBOOK.nurtureInterval()));
    LeadState state = temporal.current("nur-7").state();
    assertThat(state.score().total()).isEqualTo(10);
    assertThat(state.notes()).contains("Re-scored in nurture: 12 → 11 (COLD)", "Re-scored in nurture: 11 → 10 (COLD)");
    verify(activities.store, atLeastOnce()).recordProgress(argThat(p -> p.score() != null && p.score().total() == 10));
    assertThat(activities.sentOn(Channel.EMAIL)).hasSize(2); // the nurture emails still go out
  }

  @Test
  void aDuplicateCaptureIsScoredOnceHoweverOftenItIsDelivered() {
    LeadWorkflow workflow = temporal.start(Leads.lead("nur-4"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofHours(1));

    EngagementEvent again = new EngagementEvent("form-fill", "demo form", "capture-77");
    workflow.engagement(again);
    workflow.engagement(again);
    temporal.sleep(Duration.ofHours(1));

    assertThat(workflow.state().engagements()).containsExactly(again);
    verify(activities.scoring, times(2)).score(any()); // at capture, and once for the event
  }

  @Test
  void aTierUpgradeDuringTheCadenceReRoutesToTheHotTeam() {
    doAnswer(
            call -> {
              ScoreRequest request = call.getArgument(0);
              return request.engagements().isEmpty() ? Leads.WARM : Leads.HOT;
            })
        .when(activities.scoring)
        .score(any());
    doAnswer(
            call -> {
              RouteRequest request = call.getArgument(0);
              return request.score().tier() == Tier.HOT
                  ? new Assignment("zoe", "ben", "mia", "hot-lead desk")
                  : Leads.TEAM;
            })
        .when(activities.routing)
        .route(any());
    LeadWorkflow workflow = temporal.start(Leads.lead("nur-5"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofDays(1));

    workflow.engagement(new EngagementEvent("pricing-page-visit", "/pricing", "pv-1"));
    temporal.sleep(Duration.ofMinutes(1));

    LeadState state = workflow.state();
    assertThat(state.assignedRep()).isEqualTo("zoe");
    assertThat(state.escalations())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("Tier upgraded WARM → HOT: hot-lead desk"));
    verify(activities.outreach).notifyRep(argThat(n -> n.repId().equals("zoe")));
  }

  @Test
  void whenEnrichmentFailsTheLeadIsStillRoutedOnPartialData() {
    doThrow(ApplicationFailure.newNonRetryableFailure("vendor down", "VendorUnavailable"))
        .when(activities.enrichment)
        .enrich(any());
    LeadWorkflow workflow = temporal.start(Leads.lead("nur-6"));
    temporal.sleep(Duration.ofMinutes(1));

    LeadState state = workflow.state();
    assertThat(state.status()).isEqualTo(LeadStatus.AWAITING_ACK);
    assertThat(state.enriched().partial()).isTrue();
    assertThat(state.notes()).anyMatch(n -> n.startsWith("Enrichment unavailable"));
  }
}
