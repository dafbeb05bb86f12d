package io.leadflow.bench;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * History events and billable Temporal actions of one lead's lifecycle, counted from a real
 * history (default: the stored 14-day lifecycle the replay tests use). Actions as Temporal Cloud
 * bills them: the start, each activity scheduled, each timer, each signal and update, each
 * search-attribute upsert, continue-as-new, and one per workflow task that ran local activities.
 * Usage: bench/run.sh cost [history.json]
 */
public final class LifecycleCost {

  private LifecycleCost() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "workflows/src/test/resources/histories/baseline-ack-cadence-nurture.json");
    List<HistoryEvent> events = WorkflowExecutionHistory.fromJson(Files.readString(file)).getEvents();
    long actions = 0;
    long localActivityTasks = 0;
    boolean markerInTask = false;
    for (HistoryEvent event : events) {
      EventType type = event.getEventType();
      switch (type) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
            EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
            EVENT_TYPE_TIMER_STARTED,
            EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
            EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
            EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES,
            EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW -> actions++;
        case EVENT_TYPE_MARKER_RECORDED -> markerInTask = true;
        case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> {
          if (markerInTask) {
            localActivityTasks++;
          }
          markerInTask = false;
        }
        default -> { }
      }
    }
    if (markerInTask) {
      localActivityTasks++;
    }
    System.out.printf("%s: %d history events, %d billable actions (%d of them workflow tasks with local activities)%n",
        file.getFileName(), events.size(), actions + localActivityTasks, localActivityTasks);
  }
}
