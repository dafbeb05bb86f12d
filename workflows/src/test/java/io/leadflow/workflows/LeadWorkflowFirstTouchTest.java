package io.leadflow.workflows;

import static io.leadflow.workflows.LeadHarness.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Speed to lead: everything before the instant reply runs inside the lead's first workflow task,
 * so the reply waits for one activity round trip through Temporal, not one per stage.
 */
class LeadWorkflowFirstTouchTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = LeadHarness.extension(MONDAY_10AM_NEW_YORK);

  private LeadHarness harness;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    harness = new LeadHarness(env, worker, client);
  }

  @Test
  void theInstantReplyIsTheLeadsFirstActivityTask() {
    harness.start(LeadHarness.lead("first-touch"));
    harness.sleep(Duration.ofMinutes(1));

    List<HistoryEvent> events = harness.client().fetchHistory(LeadWorkflows.idFor("first-touch")).getEvents();
    List<String> scheduled =
        events.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
            .toList();
    assertThat(scheduled).first().isEqualTo("SendTouch");
    assertThat(harness.sent).hasSize(1);
    assertThat(workflowTasksBefore("SendTouch", events)).isEqualTo(1);
    assertThat(harness.sent.get(0).request().assignedRep()).isEqualTo(LeadHarness.TEAM.repId());
  }

  private static long workflowTasksBefore(String activityType, List<HistoryEvent> events) {
    long tasks = 0;
    for (HistoryEvent event : events) {
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
          && event.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(activityType)) {
        return tasks;
      }
      if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
        tasks++;
      }
    }
    throw new AssertionError(activityType + " was never scheduled");
  }
}
