package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.DAY;
import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.when;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadWorkflowCadenceTest {

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;


  private LeadWorkflow acknowledgedLead(String id) {
    LeadWorkflow workflow = temporal.start(Leads.lead(id));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    return workflow;
  }

  @Test
  void aSilentLeadGetsEveryTouchOfThePlanOnItsDayThenGoesToNurture() {
    LeadWorkflow workflow = acknowledgedLead("cad-1");

    temporal.sleep(Duration.ofDays(16));

    assertThat(activities.cadenceSends())
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
    for (FakeActivities.Sent send : activities.cadenceSends()) {
      Instant due = MONDAY_10AM_NEW_YORK.plus(DAY.multipliedBy(send.day() - 1L));
      LeadWorkflowExtension.assertAround(send.at(), send.day() == 1 ? acknowledged : due);
    }
    LeadState state = workflow.state();
    assertThat(state.status()).isEqualTo(LeadStatus.NURTURE);
    assertThat(state.touches()).hasSize(7); // instant reply + six cadence touches
  }

  @ParameterizedTest(name = "reply on day {0}")
  @ValueSource(ints = {1, 3, 5, 8, 14})
  void aReplyAtAnyStepStopsEveryLaterTouchAtOnce(int day) {
    LeadWorkflow workflow = acknowledgedLead("cad-reply-" + day);
    temporal.sleep(DAY.multipliedBy(day - 1L).plus(Duration.ofHours(1)));

    workflow.reply(new Reply(Channel.SMS, "yes, call me tomorrow", "SM" + day));
    temporal.sleep(Duration.ofMinutes(1));
    LeadState engaged = workflow.state();
    temporal.sleep(Duration.ofDays(13));

    assertThat(engaged.status()).isEqualTo(LeadStatus.ENGAGED);
    assertThat(engaged.nextTouchAt()).isNull();
    assertThat(activities.cadenceSends()).allSatisfy(s -> assertThat(s.day()).isLessThanOrEqualTo(day));
    assertThat(activities.cadenceSends()).anySatisfy(s -> assertThat(s.day()).isEqualTo(day));
    assertThat(activities.notices).extracting(RepNotice::kind).contains("reply-SM" + day);
  }

  @Test
  void aRepeatedReplyNotifiesTheRepOnce() {
    LeadWorkflow workflow = acknowledgedLead("cad-2");
    temporal.sleep(Duration.ofDays(1));

    workflow.reply(new Reply(Channel.EMAIL, "interested", "msg-1"));
    workflow.reply(new Reply(Channel.EMAIL, "interested", "msg-1"));
    temporal.sleep(Duration.ofHours(1));

    assertThat(activities.notices).extracting(RepNotice::kind).containsOnlyOnce("reply-msg-1");
  }

  @Test
  void anSmsOptOutStopsTextsButNotCallsOrEmails() {
    LeadWorkflow workflow = temporal.start(Leads.lead("cad-3"));
    workflow.optOut(new OptOut(Channel.SMS));
    temporal.sleep(Duration.ofDays(16));

    assertThat(activities.sentOn(Channel.SMS)).isEmpty();
    assertThat(activities.sentOn(Channel.CALL)).hasSize(2);
    assertThat(activities.sentOn(Channel.EMAIL)).hasSize(4);
    assertThat(workflow.state().optedOut()).containsExactly(Channel.SMS);
  }

  @Test
  void aChannelBlockedWhenTheRoundIsPlannedIsNeverTriedAndTheLeadSaysWhy() {
    when(activities.outreach.blockedChannels("cad-blocked")).thenReturn(List.of(
        new BlockedChannel(Channel.SMS, "suppressed: the person opted out of SMS"),
        new BlockedChannel(Channel.CALL, "no prior express consent for CALL on record")));
    LeadWorkflow workflow = acknowledgedLead("cad-blocked");

    temporal.sleep(Duration.ofDays(16));

    assertThat(activities.sentOn(Channel.SMS)).isEmpty();
    assertThat(activities.sentOn(Channel.CALL)).isEmpty();
    assertThat(activities.sentOn(Channel.EMAIL)).hasSize(4);
    assertThat(workflow.state().blocked()).extracting(BlockedChannel::channel).containsExactly(Channel.SMS, Channel.CALL);
    assertThat(workflow.state().notes()).contains(
        "Not contacted by SMS: suppressed: the person opted out of SMS",
        "Not contacted by CALL: no prior express consent for CALL on record");
  }

  @Test
  void anOptInOpensAChannelBlockedForWantOfConsent() {
    when(activities.outreach.blockedChannels("cad-optin")).thenReturn(
        List.of(new BlockedChannel(Channel.SMS, "no prior express consent for SMS on record")));
    LeadWorkflow workflow = temporal.start(Leads.lead("cad-optin"));
    temporal.sleep(Duration.ofMinutes(1));
    assertThat(activities.sentOn(Channel.SMS)).isEmpty();

    workflow.optIn(Channel.SMS); // texted START: consent by keyword
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofDays(2));

    assertThat(workflow.state().blocked()).isEmpty();
    assertThat(activities.sentOn(Channel.SMS)).hasSize(1);
  }

  @Test
  void textingStartResumesTextsFromTheNextStep() {
    LeadWorkflow workflow = temporal.start(Leads.lead("cad-8"));
    temporal.sleep(Duration.ofMinutes(1));
    // Before the acknowledgement, which starts day 1 at once: the opt-out cannot race its text.
    workflow.optOut(new OptOut(Channel.SMS));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofDays(1));
    assertThat(activities.sentOn(Channel.SMS)).isEmpty();

    workflow.optIn(Channel.SMS);
    temporal.sleep(Duration.ofHours(1));

    assertThat(workflow.state().optedOut()).isEmpty();
    assertThat(workflow.state().notes()).contains("Opted out of SMS", "Opted back in to SMS");
  }

  @Test
  void optingOutOfEverythingEndsTheWorkflowAndNothingIsSentAfter() {
    LeadWorkflow workflow = acknowledgedLead("cad-4");
    temporal.sleep(Duration.ofDays(2));
    int before = activities.sent.size();

    workflow.optOut(OptOut.all());
    temporal.sleep(Duration.ofDays(20));

    assertThat(activities.sent).hasSize(before);
    assertClosed("cad-4", LeadStatus.OPTED_OUT);
  }

  @Test
  void disqualifyingClosesTheSequenceWithTheReason() {
    LeadWorkflow workflow = acknowledgedLead("cad-5");
    temporal.sleep(Duration.ofDays(3));

    workflow.disqualify("student project");
    temporal.sleep(Duration.ofDays(20));

    assertThat(activities.cadenceSends()).allSatisfy(s -> assertThat(s.day()).isLessThanOrEqualTo(3));
    LeadState state = assertClosed("cad-5", LeadStatus.DISQUALIFIED);
    assertThat(state.closedReason()).isEqualTo("Disqualified: student project");
  }

  @Test
  void aBookedMeetingClosesTheSequenceEvenAfterAReply() {
    LeadWorkflow workflow = acknowledgedLead("cad-6");
    temporal.sleep(Duration.ofDays(2));
    workflow.reply(new Reply(Channel.EMAIL, "let's talk", "msg-9"));
    temporal.sleep(Duration.ofDays(1));

    Instant meeting = Instant.parse("2026-03-06T16:00:00Z");
    workflow.meetingBooked(meeting);
    temporal.sleep(Duration.ofDays(2));

    LeadState state = assertClosed("cad-6", LeadStatus.MEETING_BOOKED);
    assertThat(state.closedReason()).isEqualTo("Meeting booked for " + meeting);
  }

  @Test
  void stepsThatBecameLateGoOutAQuarterDayApartNotInABurst() {
    org.mockito.Mockito.when(activities.playbooks.currentPlaybook()).thenReturn(Leads.playbookWithAckSla(Duration.ofDays(5)));
    temporal.start(Leads.lead("cad-late"));

    temporal.sleep(Duration.ofDays(13));

    java.util.List<Instant> stepTimes =
        activities.cadenceSends().stream().filter(s -> s.day() != 1 || s.request().channel() == Channel.CALL).map(FakeActivities.Sent::at).toList();
    assertThat(activities.cadenceSends()).extracting(FakeActivities.Sent::day).contains(1, 3, 5, 8);
    for (int i = 1; i < stepTimes.size(); i++) {
      assertThat(Duration.between(stepTimes.get(i - 1), stepTimes.get(i))).isGreaterThanOrEqualTo(DAY.dividedBy(4));
    }
  }

  @Test
  void aFullFourteenDayLifecycleStaysUnder250HistoryEvents() {
    acknowledgedLead("cad-7");
    temporal.sleep(Duration.ofDays(16));

    WorkflowExecutionHistory history = temporal.client().fetchHistory(LeadWorkflows.idFor("cad-7"));
    assertThat(history.getEvents()).hasSizeLessThan(250);
  }

  private LeadState assertClosed(String leadId, LeadStatus status) {
    var description = temporal.untyped(leadId).describe();
    assertThat(description.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    LeadState state = temporal.untyped(leadId).query("state", LeadState.class);
    assertThat(state.status()).isEqualTo(status);
    return state;
  }
}
