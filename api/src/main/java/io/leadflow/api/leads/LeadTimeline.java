package io.leadflow.api.leads;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.LeadSearchAttributes;
import io.leadflow.workflows.LeadWorkflows;
import io.leadflow.workflows.Reply;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The lead's Temporal history (its current run) told in words: what ran, what it waited for,
 * which waits ran out, what messages arrived, how status and owner changed. The summaries the
 * workflow gives its timers and activities are what make this readable. When Temporal has no
 * history of the lead (deleted after the namespace's retention, or not started yet), one line
 * says so with the stored status: retrying would not bring the history back.
 */
@Component
class LeadTimeline {

  private static final String LOCAL_ACTIVITY_MARKER = "LocalActivity";
  private static final String STORE_WRITE = "RecordProgress";

  private final WorkflowClient temporal;
  /** The client's own: it decrypts the payloads the history holds (TemporalPayloadEncryption). */
  private final DataConverter converter;

  @Autowired
  LeadTimeline(WorkflowClient temporal) {
    this(temporal, temporal.getOptions().getDataConverter());
  }

  LeadTimeline(WorkflowClient temporal, DataConverter converter) {
    this.temporal = temporal;
    this.converter = converter;
  }

  List<TimelineEvent> of(Lead lead) {
    List<HistoryEvent> history;
    try {
      history = temporal.fetchHistory(LeadWorkflows.idFor(lead.id().toString())).getEvents();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      return List.of(new TimelineEvent(
          lead.updatedAt(),
          "Temporal keeps no history of this lead (deleted after the namespace's retention, or not started yet); status "
              + lead.status() + " as stored"));
    }
    return told(history);
  }

  /** The history in words, each step once. */
  List<TimelineEvent> told(List<HistoryEvent> events) {
    Map<Long, String> timers = new HashMap<>();
    List<TimelineEvent> timeline = new ArrayList<>();
    for (HistoryEvent event : events) {
      Instant at = Instant.ofEpochSecond(event.getEventTime().getSeconds(), event.getEventTime().getNanos());
      describe(event, timers).ifPresent(what -> timeline.add(new TimelineEvent(at, what)));
    }
    return timeline;
  }

  private Optional<String> describe(HistoryEvent event, Map<Long, String> timers) {
    return switch (event.getEventType()) {
      case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> Optional.of("Lead workflow started");
      case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> summary(event);
      case EVENT_TYPE_MARKER_RECORDED -> localActivity(event);
      // Every wait of the workflow is named; a timer without a name is the SDK's pause before a
      // local activity's next attempt, part of that step.
      case EVENT_TYPE_TIMER_STARTED -> summary(event).map(summary -> {
        timers.put(event.getEventId(), summary);
        return "Waiting: " + summary;
      });
      case EVENT_TYPE_TIMER_FIRED ->
          Optional.ofNullable(timers.get(event.getTimerFiredEventAttributes().getStartedEventId())).map(summary -> summary + " ran out");
      case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> Optional.of(signal(event));
      case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED -> Optional.of("Acknowledged by " + acknowledgedBy(event));
      case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> changes(event);
      case EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW -> Optional.of("Continued as a new run (nurture)");
      case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED -> Optional.of("Lead workflow completed");
      default -> Optional.empty();
    };
  }

  /**
   * Local activities (enrich, score, route) ran; store writes are told by the status line instead.
   * A failed attempt is not told: the step is, once, when it succeeds, or as "Gave up: …".
   */
  private Optional<String> localActivity(HistoryEvent event) {
    MarkerRecordedEventAttributes marker = event.getMarkerRecordedEventAttributes();
    Payloads type = marker.getDetailsOrDefault("type", null);
    if (!marker.getMarkerName().equals(LOCAL_ACTIVITY_MARKER)
        || marker.hasFailure()
        || type == null
        || text(type.getPayloads(0)).equals(STORE_WRITE)) {
      return Optional.empty();
    }
    return summary(event);
  }

  /** A reply says its channel (never its words: the timeline shows no message content). */
  private String signal(HistoryEvent event) {
    var signal = event.getWorkflowExecutionSignaledEventAttributes();
    if (signal.getSignalName().equals("reply") && signal.getInput().getPayloadsCount() == 1) {
      return "Received a reply by " + converter.fromPayload(signal.getInput().getPayloads(0), Reply.class, Reply.class).channel();
    }
    return "Received " + signal.getSignalName();
  }

  private String acknowledgedBy(HistoryEvent event) {
    Payloads args = event.getWorkflowExecutionUpdateAcceptedEventAttributes().getAcceptedRequest().getInput().getArgs();
    return args.getPayloadsCount() == 1 ? text(args.getPayloads(0)) : "the rep";
  }

  private Optional<String> summary(HistoryEvent event) {
    if (!event.hasUserMetadata() || !event.getUserMetadata().hasSummary()) {
      return Optional.empty();
    }
    return Optional.of(text(event.getUserMetadata().getSummary()));
  }

  private Optional<String> changes(HistoryEvent event) {
    Map<String, Payload> fields =
        event.getUpsertWorkflowSearchAttributesEventAttributes().getSearchAttributes().getIndexedFieldsMap();
    List<String> parts = new ArrayList<>();
    change(fields, LeadSearchAttributes.STATUS.getName(), "status ", parts);
    change(fields, LeadSearchAttributes.ASSIGNED_REP.getName(), "assigned to ", parts);
    change(fields, LeadSearchAttributes.TIER.getName(), "tier ", parts);
    change(fields, LeadSearchAttributes.STEPS_GAVE_UP.getName(), "steps that gave up: ", parts);
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
  }

  private void change(Map<String, Payload> fields, String name, String label, List<String> parts) {
    Payload value = fields.get(name);
    if (value != null && !value.getData().isEmpty()) {
      parts.add(label + text(value));
    }
  }

  private String text(Payload payload) {
    return converter.fromPayload(payload, String.class, String.class);
  }
}
