package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes the histories {@link LeadWorkflowReplayTest} replays. Run it only when the workflow's
 * behaviour changes on purpose, and only the new recordings (new histories join the old ones,
 * never replace them): {@code mvn -pl workflows test -Dtest='RecordHistories#nurtureRescore*'
 * -Dleadflow.record-histories=true}. The v1 files come from code before any getVersion change.
 */
@EnabledIfSystemProperty(named = "leadflow.record-histories", matches = "true")
class RecordHistories {

  private static final Path DIRECTORY = Path.of("src/test/resources/histories");

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;


  @Test
  void acknowledgedSilentLeadThroughTheCadenceIntoNurture() throws IOException {
    acknowledgedThroughTheCadence("h-ack", "v1-ack-cadence-nurture.json");
  }

  @Test
  void missedAckEscalatesThenAReplyEndsTheCadence() throws IOException {
    escalatedThenAReply("h-esc", "v1-escalation-reply-meeting.json");
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
    save("h-opt", "v1-optout-disqualify.json");
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
    save("h-nur", "v1-cold-nurture-first-run.json", () -> temporal.sleep(Duration.ofDays(31)));
    temporal.current("h-nur").engagement(new EngagementEvent("form-fill", "demo", "cap-2"));
    temporal.sleep(Duration.ofMinutes(20));
    temporal.current("h-nur").optOut(OptOut.all());
    temporal.sleep(Duration.ofMinutes(1));
    save("h-nur", "v1-nurture-reengaged-optout.json");
  }

  @Test
  void tierActionsHotCallAlertMissedThenDisqualified() throws IOException {
    LeadWorkflow workflow = temporal.start(Leads.lead("h-hot"));
    temporal.sleep(Duration.ofMinutes(20));
    temporal.sleep(Duration.ofDays(2));
    workflow.disqualify("wrong segment");
    temporal.sleep(Duration.ofMinutes(1));
    save("h-hot", "v2-tier-actions-hot-call-alert.json");
  }

  @Test
  void tierActionsWarmAcknowledgedTheSameDay() throws IOException {
    when(activities.scoring.score(any())).thenReturn(Leads.WARM);
    LeadWorkflow workflow = temporal.start(Leads.lead("h-warm"));
    temporal.sleep(Duration.ofHours(2));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofDays(2));
    workflow.meetingBooked(MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(4)));
    temporal.sleep(Duration.ofMinutes(1));
    save("h-warm", "v2-tier-actions-warm-same-day.json");
  }

  @Test
  void nurtureRescoreAColdLeadsFirstNurtureRound() throws IOException {
    when(activities.scoring.score(any())).thenReturn(Leads.COLD);
    temporal.start(Leads.lead("h-rescore"));
    save("h-rescore", "v2-nurture-rescore-first-run.json", () -> temporal.sleep(Duration.ofDays(31)));
  }

  @Test
  void localStoreAcknowledgedSilentLeadThroughTheCadenceIntoNurture() throws IOException {
    acknowledgedThroughTheCadence("h-local-ack", "v3-local-store-ack-cadence-nurture.json");
  }

  @Test
  void localStoreMissedAckEscalatesThenAReplyEndsTheCadence() throws IOException {
    escalatedThenAReply("h-local-esc", "v3-local-store-escalation-reply-meeting.json");
  }

  @Test
  void localLookupsAcknowledgedSilentLeadThroughTheCadenceIntoNurture() throws IOException {
    acknowledgedThroughTheCadence("h-lookups-ack", "v4-local-lookups-ack-cadence-nurture.json");
  }

  @Test
  void localLookupsMissedAckEscalatesThenAReplyEndsTheCadence() throws IOException {
    escalatedThenAReply("h-lookups-esc", "v4-local-lookups-escalation-reply-meeting.json");
  }

  @Test
  void openingSpreadCallAndTextHeldOvernightThenDisqualified() throws IOException {
    when(activities.playbooks.currentPlaybook()).thenReturn(Leads.playbookWithOpeningSpread(Duration.ofMinutes(10)));
    temporal.advanceTo(MONDAY_10AM_NEW_YORK.plus(Duration.ofHours(12).plusMinutes(30)));
    LeadWorkflow workflow = temporal.start(Leads.lead("h-spread"));
    temporal.sleep(Duration.ofMinutes(2));
    workflow.acknowledge("ana");
    temporal.sleep(Duration.ofHours(11));
    workflow.disqualify("wrong number");
    temporal.sleep(Duration.ofMinutes(1));
    save("h-spread", "v5-opening-spread-overnight.json");
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
