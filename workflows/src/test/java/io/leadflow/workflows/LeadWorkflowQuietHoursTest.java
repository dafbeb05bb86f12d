package io.leadflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeadWorkflowQuietHoursTest {

  /** Saturday 22:30 in New York, the night the clocks spring forward. */
  private static final Instant SATURDAY_1030PM_NEW_YORK = Instant.parse("2026-03-08T03:30:00Z");

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(SATURDAY_1030PM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;


  @Test
  void aPhoneOnlyLeadAtNightWaitsForItsTextButTheRepIsAlertedAndCanAcknowledgeAtOnce() {
    NewLead phoneOnly = new NewLead("qh-phone", "Sarah Kim", null, "+12125550100", "web", "demo request");
    LeadWorkflow workflow = temporal.start(phoneOnly);
    temporal.sleep(Duration.ofMinutes(2));

    assertThat(activities.notices).extracting(RepNotice::repId, RepNotice::kind).contains(org.assertj.core.groups.Tuple.tuple("ana", "call-now-1"));
    assertThat(workflow.state().status()).isEqualTo(LeadStatus.AWAITING_ACK);
    assertThat(activities.sentOn(Channel.SMS)).isEmpty();
    AckResult ack = workflow.acknowledge("ana");
    LeadWorkflowExtension.assertAround(ack.acknowledgedAt(), SATURDAY_1030PM_NEW_YORK.plus(Duration.ofMinutes(2)));

    temporal.sleep(Duration.ofHours(10));

    Instant eightAmDaylightTime = Instant.parse("2026-03-08T12:00:00Z");
    assertThat(activities.sentOn(Channel.SMS)).first().satisfies(s -> {
      assertThat(s.request().step()).isEqualTo("r1-instant");
      LeadWorkflowExtension.assertAround(s.at(), eightAmDaylightTime);
    });
  }

  @Test
  void anEmailIsNotHeldBehindACallOfTheSameStepThatQuietHoursHold() {
    org.mockito.Mockito.when(activities.playbooks.currentPlaybook()).thenReturn(Leads.playbookWithCadence(
        new CadencePlan("mixed", 1, java.util.List.of(new CadenceStep(1, java.util.List.of(Channel.CALL, Channel.EMAIL), "d1-intro")))));
    LeadWorkflow workflow = temporal.start(Leads.lead("qh-mixed"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofMinutes(5));

    assertThat(activities.cadenceSends()).extracting(s -> s.request().channel()).containsExactly(Channel.EMAIL);

    temporal.sleep(Duration.ofHours(10));
    assertThat(activities.sentOn(Channel.CALL)).singleElement()
        .satisfies(s -> LeadWorkflowExtension.assertAround(s.at(), Instant.parse("2026-03-08T12:00:00Z")));
  }

  @Test
  void aLateEveningCallAndTextWaitPastMidnightAndTheDstChangeTo8amLocal() {
    LeadWorkflow workflow = temporal.start(Leads.lead("qh-1"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofMinutes(1));
    assertThat(workflow.state().nextTouch()).isEqualTo("Day 1 · CALL (after quiet hours)");

    temporal.sleep(Duration.ofHours(10));

    Instant eightAmDaylightTime = Instant.parse("2026-03-08T12:00:00Z");
    assertThat(activities.sentOn(Channel.CALL)).singleElement().satisfies(s -> LeadWorkflowExtension.assertAround(s.at(), eightAmDaylightTime));
    assertThat(activities.sentOn(Channel.SMS)).singleElement().satisfies(s -> LeadWorkflowExtension.assertAround(s.at(), eightAmDaylightTime));
    // Email is not bound by quiet hours: the instant reply went out at once.
    assertThat(activities.sentOn(Channel.EMAIL)).singleElement().satisfies(s -> LeadWorkflowExtension.assertAround(s.at(), SATURDAY_1030PM_NEW_YORK));
  }

  @Test
  void callsAndTextsHeldOvernightLeaveSpreadOverTheOpeningEachLeadAtItsOwnOffset() {
    Playbook spread = Leads.playbookWithOpeningSpread(Duration.ofMinutes(20));
    QuietHoursPolicy spreading = spread.quietHours();
    when(activities.playbooks.currentPlaybook()).thenReturn(spread);
    List<String> leads = List.of("qh-spread-1", "qh-spread-2", "qh-spread-3", "qh-spread-4");
    leads.forEach(id -> temporal.start(Leads.lead(id)));
    temporal.sleep(Duration.ofMinutes(1));
    leads.forEach(id -> temporal.current(id).acknowledge("ana"));
    temporal.sleep(Duration.ofMinutes(1));
    Instant eightAm = Instant.parse("2026-03-08T12:00:00Z");
    assertThat(temporal.current("qh-spread-1").state().nextTouchAt()).isEqualTo(eightAm.plus(spreading.openingOffset("qh-spread-1")));

    temporal.sleep(Duration.ofHours(10));

    for (String id : leads) {
      Instant due = eightAm.plus(spreading.openingOffset(id));
      assertThat(activities.sentOn(Channel.CALL)).filteredOn(s -> s.request().leadId().equals(id))
          .singleElement().satisfies(s -> LeadWorkflowExtension.assertAround(s.at(), due));
      assertThat(activities.sentOn(Channel.SMS)).filteredOn(s -> s.request().leadId().equals(id))
          .singleElement().satisfies(s -> LeadWorkflowExtension.assertAround(s.at(), due));
    }
    assertThat(activities.sentOn(Channel.CALL))
        .allSatisfy(s -> assertThat(s.at()).isBetween(eightAm, eightAm.plus(Duration.ofMinutes(20))));
    assertThat(leads.stream().map(spreading::openingOffset).distinct()).hasSize(4);
  }

  @Test
  void floridaLeadsGetNoCallsAfter8pm() {
    activities.enrichedIn(List.of("America/New_York"), "US", "FL");
    temporal.advanceTo(Instant.parse("2026-03-10T00:30:00Z")); // Monday 20:30 EDT
    LeadWorkflow workflow = temporal.start(Leads.lead("qh-2"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");

    temporal.sleep(Duration.ofHours(13));

    assertThat(activities.sentOn(Channel.CALL))
        .singleElement()
        .satisfies(s -> LeadWorkflowExtension.assertAround(s.at(), Instant.parse("2026-03-10T12:00:00Z")));
  }

  @Test
  void anUnknownZoneWaitsUntilTheWindowIsOpenEverywhereAndTheStateSaysWhy() {
    activities.enrichedIn(List.of(), null, null);
    temporal.advanceTo(Instant.parse("2026-03-09T13:30:00Z")); // 09:30 New York, 06:30 Los Angeles
    LeadWorkflow workflow = temporal.start(Leads.lead("qh-3"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");

    temporal.sleep(Duration.ofHours(3));

    assertThat(activities.sentOn(Channel.CALL))
        .singleElement()
        .satisfies(s -> LeadWorkflowExtension.assertAround(s.at(), Instant.parse("2026-03-09T15:00:00Z")));
    assertThat(workflow.state().notes()).anyMatch(n -> n.startsWith("Time zone unknown"));
  }

  @Test
  void whenTheSenderFindsTheWindowClosedTheTouchIsRetriedLaterNotDropped() {
    temporal.advanceTo(Instant.parse("2026-03-09T15:00:00Z")); // 11:00 New York
    doAnswer(
            call -> {
              TouchRequest request = call.getArgument(0);
              Instant at = temporal.now();
              activities.sent.add(new FakeActivities.Sent(request, at));
              boolean firstCall =
                  request.channel() == Channel.CALL && activities.sentOn(Channel.CALL).size() == 1;
              Touch.Outcome outcome = firstCall ? Touch.Outcome.DEFERRED_QUIET_HOURS : Touch.Outcome.SENT;
              return new Touch(request.step(), request.channel(), outcome, "dry-run", "m", at);
            })
        .when(activities.outreach)
        .sendTouch(any());
    LeadWorkflow workflow = temporal.start(Leads.lead("qh-4"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");

    temporal.sleep(Duration.ofHours(1));

    List<FakeActivities.Sent> calls = activities.sentOn(Channel.CALL);
    assertThat(calls).hasSize(2);
    assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
    assertThat(workflow.state().touches())
        .filteredOn(t -> t.channel() == Channel.CALL)
        .singleElement()
        .extracting(Touch::outcome)
        .isEqualTo(Touch.Outcome.SENT);
    // What the lead's timeline tells: each touch of the step, its retry named apart; no line twice.
    assertThat(activitySummaries("qh-4")).filteredOn(summary -> summary.startsWith("Day 1"))
        .containsExactly("Day 1 · CALL", "Day 1 · CALL · after quiet hours", "Day 1 · SMS");
  }

  private List<String> activitySummaries(String leadId) {
    return temporal.client().fetchHistory(LeadWorkflows.idFor(leadId)).getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(event -> DefaultDataConverter.newDefaultInstance()
            .fromPayload(event.getUserMetadata().getSummary(), String.class, String.class))
        .toList();
  }
}
