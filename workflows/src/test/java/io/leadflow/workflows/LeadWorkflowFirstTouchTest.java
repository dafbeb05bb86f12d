package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Speed to lead: everything before the instant reply runs inside the lead's first workflow task,
 * so the reply waits for one activity round trip through Temporal, not one per stage.
 */
class LeadWorkflowFirstTouchTest {

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;


  @Test
  void theInstantReplyIsTheLeadsFirstActivityTask() {
    temporal.start(Leads.lead("first-touch"));
    temporal.sleep(Duration.ofMinutes(1));

    List<HistoryEvent> events = temporal.client().fetchHistory(LeadWorkflows.idFor("first-touch")).getEvents();
    List<String> scheduled =
        events.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
            .toList();
    assertThat(scheduled).first().isEqualTo("SendTouch");
    assertThat(activities.sent).hasSize(1);
    assertThat(workflowTasksBefore("SendTouch", events)).isEqualTo(1);
    assertThat(activities.sent.get(0).request().assignedRep()).isEqualTo(Leads.TEAM.repId());
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
