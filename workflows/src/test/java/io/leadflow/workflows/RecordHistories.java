package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;

import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes the histories {@link LeadWorkflowReplayTest} replays. The {@code baseline-*} files are the
 * 1.0 release's code. A change to the sequence of commands for a running lead goes behind
 * {@code Workflow.getVersion} and adds its own recording next to them (a new test here, a new
 * file); recorded files are never replaced. Record one with {@code mvn -pl workflows test
 * -Dtest='RecordHistories#theNewScenario' -Dleadflow.record-histories=true}.
 */
@EnabledIfSystemProperty(named = "leadflow.record-histories", matches = "true")
class RecordHistories {

  private static final Path DIRECTORY = Path.of("src/test/resources/histories");

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;


  @Test
  void acknowledgedSilentLeadThroughTheCadenceIntoNurture() throws IOException {
    acknowledgedThroughTheCadence("h-ack", "baseline-ack-cadence-nurture.json");
  }

  @Test
  void missedAckEscalatesThenAReplyEndsTheCadence() throws IOException {
    escalatedThenAReply("h-esc", "baseline-escalation-reply-meeting.json");
  }

  @Test
  void optOutsAndDisqualification() throws IOException {
    LeadWorkflow workflow = temporal.start(Leads.lead("h-opt"));
    workflow.optOut(new OptOut(Channel.SMS));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofDays(4));
    workflow.disqualify("no budget");
    temporal.sleep(Duration.ofDays(1));
    save("h-opt", "baseline-optout-disqualify.json");
  }

  @Test
  void coldLeadNurturedThenReEngaged() throws IOException {
    doAnswer(
            call -> {
              ScoreRequest request = call.getArgument(0);
              return request.engagements().isEmpty() ? Leads.COLD : Leads.WARM;
            })
        .when(activities.scoring)
        .score(any());
    temporal.start(Leads.lead("h-nur"));
    save("h-nur", "baseline-cold-nurture-first-run.json", () -> temporal.sleep(Duration.ofDays(31)));
    temporal.current("h-nur").engagement(new EngagementEvent("form-fill", "demo", "cap-2"));
    temporal.sleep(Duration.ofMinutes(20));
    temporal.current("h-nur").optOut(OptOut.all());
    temporal.sleep(Duration.ofMinutes(1));
    save("h-nur", "baseline-nurture-reengaged-optout.json");
  }

  @Test
  void hotLeadCallAlertMissedThenDisqualified() throws IOException {
    LeadWorkflow workflow = temporal.start(Leads.lead("h-hot"));
    temporal.sleep(Duration.ofMinutes(20));
    temporal.sleep(Duration.ofDays(2));
    workflow.disqualify("wrong segment");
    temporal.sleep(Duration.ofMinutes(1));
    save("h-hot", "baseline-hot-call-alert-missed-disqualified.json");
  }

  @Test
  void warmLeadAcknowledgedTheSameDay() throws IOException {
    when(activities.scoring.score(any())).thenReturn(Leads.WARM);
    LeadWorkflow workflow = temporal.start(Leads.lead("h-warm"));
    temporal.sleep(Duration.ofHours(2));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofDays(2));
    workflow.meetingBooked(MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(4)));
    temporal.sleep(Duration.ofMinutes(1));
    save("h-warm", "baseline-warm-acknowledged-same-day.json");
  }

  @Test
  void callAndTextHeldOvernightLeaveInsideTheOpeningSpreadThenDisqualified() throws IOException {
    when(activities.playbooks.currentPlaybook()).thenReturn(Leads.playbookWithOpeningSpread(Duration.ofMinutes(10)));
    temporal.advanceTo(MONDAY_10AM_NEW_YORK.plus(Duration.ofHours(12).plusMinutes(30)));
    LeadWorkflow workflow = temporal.start(Leads.lead("h-spread"));
    temporal.sleep(Duration.ofMinutes(2));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofHours(11));
    workflow.disqualify("wrong number");
    temporal.sleep(Duration.ofMinutes(1));
    save("h-spread", "baseline-opening-spread-overnight.json");
  }

  @Test
  void aRepNoticeAndARouteGiveUpThenTheLeadIsDisqualified() throws IOException {
    when(activities.routing.route(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("territory row unreadable", "BadConfiguration"))
        .thenReturn(Leads.TEAM);
    doThrow(ApplicationFailure.newNonRetryableFailure("value too long for type character varying(120)", "DataIntegrity"))
        .when(activities.outreach)
        .notifyRep(argThat(notice -> notice != null && notice.kind().startsWith("reply-")));
    LeadWorkflow workflow = temporal.start(Leads.lead("h-give"));
    temporal.sleep(Duration.ofMinutes(20));
    workflow.reply(new Reply(Channel.SMS, "call me", "m".repeat(160)));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.disqualify("student");
    temporal.sleep(Duration.ofMinutes(1));
    save("h-give", "v1-give-up-and-carry-on.json");
  }

  @Test
  void aSlowAcknowledgementThenLateStepsSpacedThenAMeeting() throws IOException {
    when(activities.playbooks.currentPlaybook()).thenReturn(Leads.playbookWithAckSla(Duration.ofDays(5)));
    LeadWorkflow workflow = temporal.start(Leads.lead("h-late"));
    temporal.sleep(Duration.ofDays(11));
    workflow.meetingBooked(MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(12)));
    temporal.sleep(Duration.ofMinutes(1));
    save("h-late", "v2-late-steps-spaced.json");
  }

  @Test
  void aPhoneOnlyLeadAtNightTheRepAcknowledgesBeforeTheMorningText() throws IOException {
    temporal.advanceTo(MONDAY_10AM_NEW_YORK.plus(Duration.ofHours(13)));
    LeadWorkflow workflow = temporal.start(new NewLead("h-night", "Sarah Kim", null, "+12125550100", "web", "demo request"));
    temporal.sleep(Duration.ofMinutes(2));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofHours(12));
    workflow.disqualify("wrong number");
    temporal.sleep(Duration.ofMinutes(1));
    save("h-night", "v3-rep-alerted-while-the-lead-sleeps.json");
  }

  @Test
  void aStepsEmailGoesAtNightItsCallInTheMorning() throws IOException {
    when(activities.playbooks.currentPlaybook()).thenReturn(Leads.playbookWithCadence(
        new CadencePlan("mixed", 1, java.util.List.of(new CadenceStep(1, java.util.List.of(Channel.CALL, Channel.EMAIL), "d1-intro")))));
    temporal.advanceTo(MONDAY_10AM_NEW_YORK.plus(Duration.ofHours(13)));
    LeadWorkflow workflow = temporal.start(Leads.lead("h-mixed"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofHours(12));
    workflow.meetingBooked(MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(3)));
    temporal.sleep(Duration.ofMinutes(1));
    save("h-mixed", "v4-email-not-held-behind-quiet-hours.json");
  }

  @Test
  void aLeadWithoutConsentForTextsIsEmailedOnly() throws IOException {
    when(activities.outreach.blockedChannels("h-blocked"))
        .thenReturn(java.util.List.of(new BlockedChannel(Channel.SMS, "no prior express consent for SMS on record")));
    LeadWorkflow workflow = temporal.start(Leads.lead("h-blocked"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofDays(4));
    workflow.meetingBooked(MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(6)));
    temporal.sleep(Duration.ofMinutes(1));
    save("h-blocked", "v5-contact-checked-when-planned.json");
  }

  @Test
  void theLeadEngagesTwiceWhileTheAckSlaRunsThenIsAcknowledgedAndDisqualified() throws IOException {
    LeadWorkflow workflow = temporal.start(Leads.lead("h-wait"));
    temporal.sleep(Duration.ofSeconds(30));
    workflow.engagement(new EngagementEvent("form-fill", "captured again", "cap-2"));
    temporal.sleep(Duration.ofSeconds(30));
    workflow.engagement(new EngagementEvent("page-view", "pricing", "view-1"));
    temporal.sleep(Duration.ofSeconds(30));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofDays(1).plusHours(2));
    workflow.disqualify("no budget");
    temporal.sleep(Duration.ofMinutes(1));
    save("h-wait", "v6-one-timer-per-wait.json");
  }

  /** The CRM follows the lead; the CRM hands it to another rep; a meeting is booked, cancelled, and the CRM takes the lead over. */
  @Test
  void crmSyncReassignmentCancelledMeetingAndConversion() throws IOException {
    when(activities.playbooks.currentPlaybook()).thenReturn(Leads.PLAYBOOK.withCrmSync(true));
    LeadWorkflow workflow = temporal.start(Leads.lead("h-crm"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.reassign(new Reassignment("zoe", "Owner changed in HubSpot"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("zoe");
    temporal.sleep(Duration.ofDays(1));
    java.time.Instant meeting = MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(3));
    workflow.meetingBooked(meeting);
    temporal.sleep(Duration.ofHours(1));
    workflow.meetingCanceled(meeting);
    temporal.sleep(Duration.ofDays(1));
    workflow.convert("HubSpot lifecycle stage: customer");
    temporal.sleep(Duration.ofMinutes(1));
    save("h-crm", "v7-crm-sync-meetings-reassignment.json");
  }

  private void acknowledgedThroughTheCadence(String leadId, String file) throws IOException {
    LeadWorkflow workflow = temporal.start(Leads.lead(leadId));
    temporal.sleep(Duration.ofMinutes(2));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofDays(16));
    save(leadId, file);
  }

  private void escalatedThenAReply(String leadId, String file) throws IOException {
    LeadWorkflow workflow = temporal.start(Leads.lead(leadId));
    temporal.sleep(Duration.ofDays(3).plus(Duration.ofHours(2)));
    workflow.reply(new Reply(Channel.SMS, "call me", "SM1"));
    temporal.sleep(Duration.ofDays(1));
    workflow.meetingBooked(MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(6)));
    temporal.sleep(Duration.ofDays(1));
    save(leadId, file);
  }

  private void save(String leadId, String file, Runnable before) throws IOException {
    String firstRunId = temporal.untyped(leadId).describe().getExecution().getRunId();
    before.run();
    write(file, temporal.client().fetchHistory(LeadWorkflows.idFor(leadId), firstRunId).toJson(true));
  }

  private void save(String leadId, String file) throws IOException {
    write(file, temporal.client().fetchHistory(LeadWorkflows.idFor(leadId)).toJson(true));
  }

  private static void write(String file, String json) throws IOException {
    Files.createDirectories(DIRECTORY);
    Files.writeString(DIRECTORY.resolve(file), json);
  }
}
