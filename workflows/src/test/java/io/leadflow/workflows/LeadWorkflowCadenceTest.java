package io.leadflow.workflows;

import static io.leadflow.workflows.LeadHarness.DAY;
import static io.leadflow.workflows.LeadHarness.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadWorkflowCadenceTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = LeadHarness.extension(MONDAY_10AM_NEW_YORK);

  private LeadHarness harness;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    harness = new LeadHarness(env, worker, client);
  }

  private LeadWorkflow acknowledgedLead(String id) {
    LeadWorkflow workflow = harness.start(LeadHarness.lead(id));
    harness.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    return workflow;
  }

  @Test
  void aSilentLeadGetsEveryTouchOfThePlanOnItsDayThenGoesToNurture() {
    LeadWorkflow workflow = acknowledgedLead("cad-1");

    harness.sleep(Duration.ofDays(16));

    assertThat(harness.cadenceSends())
        .extracting(s -> s.day(), s -> s.request().channel(), s -> s.request().template())
        .containsExactly(
            tuple(1, Channel.CALL, "d1-intro"),
            tuple(1, Channel.SMS, "d1-intro"),
            tuple(3, Channel.EMAIL, "d3-value"),
            tuple(5, Channel.CALL, "d5-call"),
            tuple(8, Channel.EMAIL, "d8-case-study"),
            tuple(14, Channel.EMAIL, "d14-break-up"));
    // Day N is counted from the assignment; day 1 starts once the rep has acknowledged.
    Instant acknowledged = MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(1));
    for (LeadHarness.Sent send : harness.cadenceSends()) {
      Instant due = MONDAY_10AM_NEW_YORK.plus(DAY.multipliedBy(send.day() - 1L));
      LeadHarness.assertAround(send.at(), send.day() == 1 ? acknowledged : due);
    }
    LeadState state = workflow.state();
    assertThat(state.status()).isEqualTo(LeadStatus.NURTURE);
    assertThat(state.touches()).hasSize(7); // instant reply + six cadence touches
  }

  @ParameterizedTest(name = "reply on day {0}")
  @ValueSource(ints = {1, 3, 5, 8, 14})
  void aReplyAtAnyStepStopsEveryLaterTouchAtOnce(int day) {
    LeadWorkflow workflow = acknowledgedLead("cad-reply-" + day);
    harness.sleep(DAY.multipliedBy(day - 1L).plus(Duration.ofHours(1)));

    workflow.reply(new Reply(Channel.SMS, "yes, call me tomorrow", "SM" + day));
    harness.sleep(Duration.ofMinutes(1));
    LeadState engaged = workflow.state();
    harness.sleep(Duration.ofDays(13));

    assertThat(engaged.status()).isEqualTo(LeadStatus.ENGAGED);
    assertThat(engaged.nextTouchAt()).isNull();
    assertThat(harness.cadenceSends()).allSatisfy(s -> assertThat(s.day()).isLessThanOrEqualTo(day));
    assertThat(harness.cadenceSends()).anySatisfy(s -> assertThat(s.day()).isEqualTo(day));
    assertThat(harness.notices).extracting(RepNotice::kind).contains("reply-SM" + day);
  }

  @Test
  void aRepeatedReplyNotifiesTheRepOnce() {
    LeadWorkflow workflow = acknowledgedLead("cad-2");
    harness.sleep(Duration.ofDays(1));

    workflow.reply(new Reply(Channel.EMAIL, "interested", "msg-1"));
    workflow.reply(new Reply(Channel.EMAIL, "interested", "msg-1"));
    harness.sleep(Duration.ofHours(1));

    assertThat(harness.notices).extracting(RepNotice::kind).containsOnlyOnce("reply-msg-1");
  }

  @Test
  void anSmsOptOutStopsTextsButNotCallsOrEmails() {
    LeadWorkflow workflow = harness.start(LeadHarness.lead("cad-3"));
    workflow.optOut(new OptOut(Channel.SMS));
    harness.sleep(Duration.ofDays(16));

    assertThat(harness.sentOn(Channel.SMS)).isEmpty();
    assertThat(harness.sentOn(Channel.CALL)).hasSize(2);
    assertThat(harness.sentOn(Channel.EMAIL)).hasSize(4);
    assertThat(workflow.state().optedOut()).containsExactly(Channel.SMS);
  }

  @Test
  void textingStartResumesTextsFromTheNextStep() {
    LeadWorkflow workflow = harness.start(LeadHarness.lead("cad-8"));
    harness.sleep(Duration.ofMinutes(1));
    // Before the acknowledgement, which starts day 1 at once: the opt-out cannot race its text.
    workflow.optOut(new OptOut(Channel.SMS));
    workflow.acknowledge("ana");
    harness.sleep(Duration.ofDays(1));
    assertThat(harness.sentOn(Channel.SMS)).isEmpty();

    workflow.optIn(Channel.SMS);
    harness.sleep(Duration.ofHours(1));

    assertThat(workflow.state().optedOut()).isEmpty();
    assertThat(workflow.state().notes()).contains("Opted out of SMS", "Opted back in to SMS");
  }

  @Test
  void optingOutOfEverythingEndsTheWorkflowAndNothingIsSentAfter() {
    LeadWorkflow workflow = acknowledgedLead("cad-4");
    harness.sleep(Duration.ofDays(2));
    int before = harness.sent.size();

    workflow.optOut(OptOut.all());
    harness.sleep(Duration.ofDays(20));

    assertThat(harness.sent).hasSize(before);
    assertClosed("cad-4", LeadStatus.OPTED_OUT);
  }

  @Test
  void disqualifyingClosesTheSequenceWithTheReason() {
    LeadWorkflow workflow = acknowledgedLead("cad-5");
    harness.sleep(Duration.ofDays(3));

    workflow.disqualify("student project");
    harness.sleep(Duration.ofDays(20));

    assertThat(harness.cadenceSends()).allSatisfy(s -> assertThat(s.day()).isLessThanOrEqualTo(3));
    LeadState state = assertClosed("cad-5", LeadStatus.DISQUALIFIED);
    assertThat(state.closedReason()).isEqualTo("Disqualified: student project");
  }

  @Test
  void aBookedMeetingClosesTheSequenceEvenAfterAReply() {
    LeadWorkflow workflow = acknowledgedLead("cad-6");
    harness.sleep(Duration.ofDays(2));
    workflow.reply(new Reply(Channel.EMAIL, "let's talk", "msg-9"));
    harness.sleep(Duration.ofDays(1));

    Instant meeting = Instant.parse("2026-03-06T16:00:00Z");
    workflow.meetingBooked(meeting);
    harness.sleep(Duration.ofDays(1));

    LeadState state = assertClosed("cad-6", LeadStatus.MEETING_BOOKED);
    assertThat(state.closedReason()).isEqualTo("Meeting booked for " + meeting);
  }

  @Test
  void aFullFourteenDayLifecycleStaysUnder250HistoryEvents() {
    acknowledgedLead("cad-7");
    harness.sleep(Duration.ofDays(16));

    WorkflowExecutionHistory history = harness.client().fetchHistory(LeadWorkflows.idFor("cad-7"));
    assertThat(history.getEvents()).hasSizeLessThan(250);
  }

  private LeadState assertClosed(String leadId, LeadStatus status) {
    var description = harness.untyped(leadId).describe();
    assertThat(description.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    LeadState state = harness.untyped(leadId).query("state", LeadState.class);
    assertThat(state.status()).isEqualTo(status);
    return state;
  }
}
