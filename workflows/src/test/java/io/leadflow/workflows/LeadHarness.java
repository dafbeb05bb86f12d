package io.leadflow.workflows;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.leadflow.workflows.QuietHoursPolicy.Window;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One lead's workflow on the time-skipping test service with every activity mocked: the sends it
 * made (with the workflow time of each) and the rep notices are recorded for assertions.
 */
final class LeadHarness {

  static final Instant MONDAY_10AM_NEW_YORK = Instant.parse("2026-03-02T15:00:00Z");
  static final Duration DAY = Duration.ofDays(1);

  static final CadencePlan DEFAULT_CADENCE =
      new CadencePlan(
          "default",
          1,
          List.of(
              new CadenceStep(1, List.of(Channel.CALL, Channel.SMS), "d1-intro"),
              new CadenceStep(3, List.of(Channel.EMAIL), "d3-value"),
              new CadenceStep(5, List.of(Channel.CALL), "d5-call"),
              new CadenceStep(8, List.of(Channel.EMAIL), "d8-case-study"),
              new CadenceStep(14, List.of(Channel.EMAIL), "d14-break-up")));

  static final Playbook PLAYBOOK =
      new Playbook(
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          DAY,
          DEFAULT_CADENCE,
          new QuietHoursPolicy(
              new Window(LocalTime.of(8, 0), LocalTime.of(21, 0)),
              Map.of("US-FL", new Window(LocalTime.of(8, 0), LocalTime.of(20, 0))),
              List.of("America/New_York", "America/Los_Angeles"),
              Duration.ZERO),
          Duration.ofDays(14),
          Duration.ofDays(30),
          new TierActions(
              new TierAction(Duration.ofMinutes(5), true), new TierAction(Duration.ofHours(4), false)));

  /** {@link #PLAYBOOK} with held calls and texts spread over {@code spread} after a window opens. */
  static Playbook playbookWithOpeningSpread(Duration spread) {
    QuietHoursPolicy q = PLAYBOOK.quietHours();
    return new Playbook(
        PLAYBOOK.ackSla(), PLAYBOOK.backupAckSla(), PLAYBOOK.day(), PLAYBOOK.cadence(),
        new QuietHoursPolicy(q.window(), q.regionOverrides(), q.fallbackZones(), spread),
        PLAYBOOK.engagedFollowUp(), PLAYBOOK.nurtureInterval(), PLAYBOOK.tierActions());
  }

  static final LeadScore HOT = new LeadScore(48, Tier.HOT, List.of("+30 demo request"));
  static final LeadScore WARM = new LeadScore(20, Tier.WARM, List.of("+20 pricing"));
  static final LeadScore COLD = new LeadScore(5, Tier.COLD, List.of("+5 general interest"));
  static final Assignment TEAM = new Assignment("ana", "ben", "mia", "territory EMEA");

  static TestWorkflowExtension extension(Instant start) {
    TestWorkflowExtension.Builder builder =
        TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(LeadWorkflowImpl.class)
            .setInitialTime(start)
            .setDoNotStart(true);
    for (SearchAttributeKey<?> key : LeadSearchAttributes.ALL) {
      builder.registerSearchAttribute(key.getName(), key.getValueType());
    }
    return builder.build();
  }

  record Sent(TouchRequest request, Instant at) {
    int day() {
      String step = request.step();
      return step.contains("-d") ? Integer.parseInt(step.substring(step.indexOf("-d") + 2)) : 0;
    }
  }

  final PlaybookActivities playbooks = mock(PlaybookActivities.class, withSettings().withoutAnnotations());
  final EnrichmentActivities enrichment = mock(EnrichmentActivities.class, withSettings().withoutAnnotations());
  final ScoringActivities scoring = mock(ScoringActivities.class, withSettings().withoutAnnotations());
  final RoutingActivities routing = mock(RoutingActivities.class, withSettings().withoutAnnotations());
  final OutreachActivities outreach = mock(OutreachActivities.class, withSettings().withoutAnnotations());
  final LeadStoreActivities store = mock(LeadStoreActivities.class, withSettings().withoutAnnotations());

  final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
  final List<RepNotice> notices = Collections.synchronizedList(new ArrayList<>());

  private final TestWorkflowEnvironment env;
  private final Worker worker;
  private final WorkflowClient client;

  LeadHarness(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    this.env = env;
    this.worker = worker;
    this.client = client;
    when(playbooks.currentPlaybook()).thenReturn(PLAYBOOK);
    enrichedIn(List.of("America/New_York"), "US", "NY");
    when(scoring.score(any())).thenReturn(HOT);
    when(routing.route(any())).thenReturn(TEAM);
    when(outreach.sendTouch(any()))
        .thenAnswer(
            call -> {
              TouchRequest request = call.getArgument(0);
              Instant at = Instant.ofEpochMilli(env.currentTimeMillis());
              sent.add(new Sent(request, at));
              return new Touch(request.step(), request.channel(), Touch.Outcome.SENT, "dry-run", "m-" + sent.size(), at);
            });
    org.mockito.Mockito.doAnswer(
            call -> {
              notices.add(call.getArgument(0));
              return null;
            })
        .when(outreach)
        .notifyRep(any());
  }

  void enrichedIn(List<String> zones, String country, String region) {
    org.mockito.Mockito.doAnswer(
            call -> {
              NewLead lead = call.getArgument(0);
              return new EnrichedLead(lead.leadId(), "acme.test", country, region, zones, false, List.of());
            })
        .when(enrichment)
        .enrich(any());
  }

  static NewLead lead(String id) {
    return new NewLead(id, "Sarah Kim", "sarah@acme.test", "+12125550100", "web", "demo request");
  }

  private boolean started;

  /** Moves the test service's clock to {@code instant} before a lead arrives. */
  void advanceTo(Instant instant) {
    startService();
    env.sleep(Duration.between(now(), instant));
  }

  private void startService() {
    if (!started) {
      worker.registerActivitiesImplementations(playbooks, enrichment, scoring, routing, outreach, store);
      env.start();
      started = true;
    }
  }

  LeadWorkflow start(NewLead lead) {
    startService();
    LeadWorkflow workflow =
        client.newWorkflowStub(
            LeadWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(worker.getTaskQueue())
                .setWorkflowId(LeadWorkflows.idFor(lead.leadId()))
                .build());
    WorkflowClient.start(workflow::run, LeadInput.of(lead));
    return workflow;
  }

  /** A fresh stub for the lead's current run (follows continue-as-new). */
  LeadWorkflow current(String leadId) {
    return client.newWorkflowStub(LeadWorkflow.class, LeadWorkflows.idFor(leadId));
  }

  WorkflowStub untyped(String leadId) {
    return client.newUntypedWorkflowStub(LeadWorkflows.idFor(leadId));
  }

  void sleep(Duration duration) {
    env.sleep(duration);
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  List<Sent> sentOn(Channel channel) {
    synchronized (sent) {
      return sent.stream().filter(s -> s.request().channel() == channel).toList();
    }
  }

  List<Sent> cadenceSends() {
    synchronized (sent) {
      return sent.stream().filter(s -> s.day() > 0).toList();
    }
  }

  /** The test service's clock runs in real time between skips: allow a few seconds. */
  static void assertAround(Instant actual, Instant expected) {
    org.assertj.core.api.Assertions.assertThat(actual)
        .isCloseTo(expected, org.assertj.core.api.Assertions.within(10, java.time.temporal.ChronoUnit.SECONDS));
  }

  WorkflowClient client() {
    return client;
  }
}
