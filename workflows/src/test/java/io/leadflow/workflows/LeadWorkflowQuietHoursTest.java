package io.leadflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeadWorkflowQuietHoursTest {

  /** Saturday 22:30 in New York, the night the clocks spring forward. */
  private static final Instant SATURDAY_1030PM_NEW_YORK = Instant.parse("2026-03-08T03:30:00Z");

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = LeadHarness.extension(SATURDAY_1030PM_NEW_YORK);

  private LeadHarness harness;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    harness = new LeadHarness(env, worker, client);
  }

  @Test
  void aLateEveningCallAndTextWaitPastMidnightAndTheDstChangeTo8amLocal() {
    LeadWorkflow workflow = harness.start(LeadHarness.lead("qh-1"));
    harness.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    harness.sleep(Duration.ofMinutes(1));
    assertThat(workflow.state().nextTouch()).isEqualTo("Day 1 · CALL + SMS (after quiet hours)");

    harness.sleep(Duration.ofHours(10));

    Instant eightAmDaylightTime = Instant.parse("2026-03-08T12:00:00Z");
    assertThat(harness.sentOn(Channel.CALL)).singleElement().satisfies(s -> LeadHarness.assertAround(s.at(), eightAmDaylightTime));
    assertThat(harness.sentOn(Channel.SMS)).singleElement().satisfies(s -> LeadHarness.assertAround(s.at(), eightAmDaylightTime));
    // Email is not bound by quiet hours: the instant reply went out at once.
    assertThat(harness.sentOn(Channel.EMAIL)).singleElement().satisfies(s -> LeadHarness.assertAround(s.at(), SATURDAY_1030PM_NEW_YORK));
  }

  @Test
  void callsAndTextsHeldOvernightLeaveSpreadOverTheOpeningEachLeadAtItsOwnOffset() {
    Playbook spread = LeadHarness.playbookWithOpeningSpread(Duration.ofMinutes(20));
    QuietHoursPolicy spreading = spread.quietHours();
    when(harness.playbooks.currentPlaybook()).thenReturn(spread);
    List<String> leads = List.of("qh-spread-1", "qh-spread-2", "qh-spread-3", "qh-spread-4");
    leads.forEach(id -> harness.start(LeadHarness.lead(id)));
    harness.sleep(Duration.ofMinutes(1));
    leads.forEach(id -> harness.current(id).acknowledge("ana"));
    harness.sleep(Duration.ofMinutes(1));
    Instant eightAm = Instant.parse("2026-03-08T12:00:00Z");
    assertThat(harness.current("qh-spread-1").state().nextTouchAt()).isEqualTo(eightAm.plus(spreading.openingOffset("qh-spread-1")));

    harness.sleep(Duration.ofHours(10));

    for (String id : leads) {
      Instant due = eightAm.plus(spreading.openingOffset(id));
      assertThat(harness.sentOn(Channel.CALL)).filteredOn(s -> s.request().leadId().equals(id))
          .singleElement().satisfies(s -> LeadHarness.assertAround(s.at(), due));
      assertThat(harness.sentOn(Channel.SMS)).filteredOn(s -> s.request().leadId().equals(id))
          .singleElement().satisfies(s -> LeadHarness.assertAround(s.at(), due));
    }
    assertThat(harness.sentOn(Channel.CALL))
        .allSatisfy(s -> assertThat(s.at()).isBetween(eightAm, eightAm.plus(Duration.ofMinutes(20))));
    assertThat(leads.stream().map(spreading::openingOffset).distinct()).hasSize(4);
  }

  @Test
  void floridaLeadsGetNoCallsAfter8pm() {
    harness.enrichedIn(List.of("America/New_York"), "US", "FL");
    harness.advanceTo(Instant.parse("2026-03-10T00:30:00Z")); // Monday 20:30 EDT
    LeadWorkflow workflow = harness.start(LeadHarness.lead("qh-2"));
    harness.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");

    harness.sleep(Duration.ofHours(13));

    assertThat(harness.sentOn(Channel.CALL))
        .singleElement()
        .satisfies(s -> LeadHarness.assertAround(s.at(), Instant.parse("2026-03-10T12:00:00Z")));
  }

  @Test
  void anUnknownZoneWaitsUntilTheWindowIsOpenEverywhereAndTheStateSaysWhy() {
    harness.enrichedIn(List.of(), null, null);
    harness.advanceTo(Instant.parse("2026-03-09T13:30:00Z")); // 09:30 New York, 06:30 Los Angeles
    LeadWorkflow workflow = harness.start(LeadHarness.lead("qh-3"));
    harness.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");

    harness.sleep(Duration.ofHours(3));

    assertThat(harness.sentOn(Channel.CALL))
        .singleElement()
        .satisfies(s -> LeadHarness.assertAround(s.at(), Instant.parse("2026-03-09T15:00:00Z")));
    assertThat(workflow.state().notes()).anyMatch(n -> n.startsWith("Time zone unknown"));
  }

  @Test
  void whenTheSenderFindsTheWindowClosedTheTouchIsRetriedLaterNotDropped() {
    harness.advanceTo(Instant.parse("2026-03-09T15:00:00Z")); // 11:00 New York
    doAnswer(
            call -> {
              TouchRequest request = call.getArgument(0);
              Instant at = harness.now();
              harness.sent.add(new LeadHarness.Sent(request, at));
              boolean firstCall =
                  request.channel() == Channel.CALL && harness.sentOn(Channel.CALL).size() == 1;
              Touch.Outcome outcome = firstCall ? Touch.Outcome.DEFERRED_QUIET_HOURS : Touch.Outcome.SENT;
              return new Touch(request.step(), request.channel(), outcome, "dry-run", "m", at);
            })
        .when(harness.outreach)
        .sendTouch(any());
    LeadWorkflow workflow = harness.start(LeadHarness.lead("qh-4"));
    harness.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");

    harness.sleep(Duration.ofHours(1));

    List<LeadHarness.Sent> calls = harness.sentOn(Channel.CALL);
    assertThat(calls).hasSize(2);
    assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
    assertThat(workflow.state().touches())
        .filteredOn(t -> t.channel() == Channel.CALL)
        .singleElement()
        .extracting(Touch::outcome)
        .isEqualTo(Touch.Outcome.SENT);
  }
}
