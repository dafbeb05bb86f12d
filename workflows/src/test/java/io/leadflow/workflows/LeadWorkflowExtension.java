package io.leadflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The lead workflow on a time-skipping test service, one per test, with the search attributes
 * registered and every activity faked ({@link #activities}). Register it on an instance field:
 * {@code @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(...)}.
 * The service starts with the first lead (or clock move), so a test can first change the fakes.
 */
final class LeadWorkflowExtension implements BeforeEachCallback, AfterEachCallback {

  final FakeActivities activities = new FakeActivities(this::now);

  private final Instant start;
  private TestWorkflowEnvironment env;
  private Worker worker;
  private Worker crmWorker;
  private boolean started;

  private LeadWorkflowExtension(Instant start) {
    this.start = start;
  }

  /** The test service's clock starts at {@code start}. */
  static LeadWorkflowExtension at(Instant start) {
    return new LeadWorkflowExtension(start);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(true).setInitialTime(start).build());
    for (SearchAttributeKey<?> key : LeadSearchAttributes.ALL) {
      env.registerSearchAttribute(key.getName(), key.getValueType());
    }
    worker = env.newWorker(LeadWorkflows.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(LeadWorkflowImpl.class);
    crmWorker = env.newWorker(LeadWorkflows.CRM_TASK_QUEUE);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    env.close();
  }

  LeadWorkflow start(NewLead lead) {
    startService();
    LeadWorkflow workflow =
        client()
            .newWorkflowStub(
                LeadWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(LeadWorkflows.TASK_QUEUE)
                    .setWorkflowId(LeadWorkflows.idFor(lead.leadId()))
                    .build());
    WorkflowClient.start(workflow::run, LeadInput.of(lead));
    return workflow;
  }

  /** A fresh stub for the lead's current run (follows continue-as-new). */
  LeadWorkflow current(String leadId) {
    return client().newWorkflowStub(LeadWorkflow.class, LeadWorkflows.idFor(leadId));
  }

  WorkflowStub untyped(String leadId) {
    return client().newUntypedWorkflowStub(LeadWorkflows.idFor(leadId));
  }

  /** Moves the test service's clock to {@code instant} before a lead arrives. */
  void advanceTo(Instant instant) {
    startService();
    env.sleep(Duration.between(now(), instant));
  }

  void sleep(Duration duration) {
    env.sleep(duration);
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** The test service's clock runs in real time between skips: allow a few seconds. */
  static void assertAround(Instant actual, Instant expected) {
    assertThat(actual).isCloseTo(expected, within(10, ChronoUnit.SECONDS));
  }

  private void startService() {
    if (!started) {
      worker.registerActivitiesImplementations(activities.all());
      crmWorker.registerActivitiesImplementations(activities.crm);
      env.start();
      started = true;
    }
  }
}
