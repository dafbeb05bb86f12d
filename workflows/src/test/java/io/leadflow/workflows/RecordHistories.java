package io.leadflow.workflows;

import static io.leadflow.workflows.LeadHarness.MONDAY_10AM_NEW_YORK;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
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

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = LeadHarness.extension(MONDAY_10AM_NEW_YORK);

  private LeadHarness harness;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    harness = new LeadHarness(env, worker, client);
  }

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
    LeadWorkflow workflow = harness.start(LeadHarness.lead("h-opt"));
    workflow.optOut(new OptOut(Channel.SMS));
    harness.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");
    harness.sleep(Duration.ofDays(4));
    workflow.disqualify("no budget");
    harness.sleep(Duration.ofDays(1));
    save("h-opt", "v1-optout-disqualify.json");
  }

  @Test
  void coldLeadNurturedThenReEngaged() throws IOException {
    doAnswer(
            call -> {
              ScoreRequest request = call.getArgument(0);
              return request.engagements().isEmpty() ? LeadHarness.COLD : LeadHarness.WARM;
            })
        .when(harness.scoring)
        .score(any());
    harness.start(LeadHarness.lead("h-nur"));
    save("h-nur", "v1-cold-nurture-first-run.json", () -> harness.sleep(Duration.ofDays(31)));
    harness.current("h-nur").engagement(new EngagementEvent("form-fill", "demo", "cap-2"));
    harness.sleep(Duration.ofMinutes(20));
    harness.current("h-nur").optOut(OptOut.all());
    harness.sleep(Duration.ofMinutes(1));
    save("h-nur", "v1-nurture-reengaged-optout.json");
  }

  @Test
  void tierActionsHotCallAlertMissedThenDisqualified() throws IOException {
    LeadWorkflow workflow = harness.start(LeadHarness.lead("h-hot"));
    harness.sleep(Duration.ofMinutes(20));
    harness.sleep(Duration.ofDays(2));
    workflow.disqualify("wrong segment");
    harness.sleep(Duration.ofMinutes(1));
    save("h-hot", "v2-tier-actions-hot-call-alert.json");
  }

  @Test
  void tierActionsWarmAcknowledgedTheSameDay() throws IOException {
    when(harness.scoring.score(any())).thenReturn(LeadHarness.WARM);
    LeadWorkflow workflow = harness.start(LeadHarness.lead("h-warm"));
    harness.sleep(Duration.ofHours(2));
    workflow.acknowledge("ana");
    harness.sleep(Duration.ofDays(2));
    workflow.meetingBooked(MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(4)));
    harness.sleep(Duration.ofMinutes(1));
    save("h-warm", "v2-tier-actions-warm-same-day.json");
  }

  @Test
  void nurtureRescoreAColdLeadsFirstNurtureRound() throws IOException {
    when(harness.scoring.score(any())).thenReturn(LeadHarness.COLD);
    harness.start(LeadHarness.lead("h-rescore"));
    save("h-rescore", "v2-nurture-rescore-first-run.json", () -> harness.sleep(Duration.ofDays(31)));
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
    when(harness.playbooks.currentPlaybook()).thenReturn(LeadHarness.playbookWithOpeningSpread(Duration.ofMinutes(10)));
    harness.advanceTo(MONDAY_10AM_NEW_YORK.plus(Duration.ofHours(12).plusMinutes(30)));
    LeadWorkflow workflow = harness.start(LeadHarness.lead("h-spread"));
    harness.sleep(Duration.ofMinutes(2));
    workflow.acknowledge("ana");
    harness.sleep(Duration.ofHours(11));
    workflow.disqualify("wrong number");
    harness.sleep(Duration.ofMinutes(1));
    save("h-spread", "v5-opening-spread-overnight.json");
  }

  private void acknowledgedThroughTheCadence(String leadId, String file) throws IOException {
    LeadWorkflow workflow = harness.start(LeadHarness.lead(leadId));
    harness.sleep(Duration.ofMinutes(2));
    workflow.acknowledge("ana");
    harness.sleep(Duration.ofDays(16));
    save(leadId, file);
  }

  private void escalatedThenAReply(String leadId, String file) throws IOException {
    LeadWorkflow workflow = harness.start(LeadHarness.lead(leadId));
    harness.sleep(Duration.ofDays(3).plus(Duration.ofHours(2)));
    workflow.reply(new Reply(Channel.SMS, "call me", "SM1"));
    harness.sleep(Duration.ofDays(1));
    workflow.meetingBooked(MONDAY_10AM_NEW_YORK.plus(Duration.ofDays(6)));
    harness.sleep(Duration.ofDays(1));
    save(leadId, file);
  }

  private void save(String leadId, String file, Runnable before) throws IOException {
    String firstRunId = harness.untyped(leadId).describe().getExecution().getRunId();
    before.run();
    write(file, harness.client().fetchHistory(LeadWorkflows.idFor(leadId), firstRunId).toJson(true));
  }

  private void save(String leadId, String file) throws IOException {
    write(file, harness.client().fetchHistory(LeadWorkflows.idFor(leadId)).toJson(true));
  }

  private static void write(String file, String json) throws IOException {
    Files.createDirectories(DIRECTORY);
    Files.writeString(DIRECTORY.resolve(file), json);
  }
}
