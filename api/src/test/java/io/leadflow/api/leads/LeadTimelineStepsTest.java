package io.leadflow.api.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.api.history.v1.TimerFiredEventAttributes;
import io.temporal.api.history.v1.TimerStartedEventAttributes;
import io.temporal.api.sdk.v1.UserMetadata;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routing while PostgreSQL is away for minutes: the SDK records each failed attempt of the local
 * activity and waits on a timer of its own before the next. The lead was routed once.
 */
class LeadTimelineStepsTest {

  @Test
  void aLocalActivityRetriedAfterLongPausesIsToldOnce() {
    List<HistoryEvent> history = List.of(
        event(1, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED).build(),
        route(2, true),
        sdkTimerStarted(3),
        sdkTimerFired(4, 3),
        route(5, true),
        sdkTimerStarted(6),
        sdkTimerFired(7, 6),
        route(8, false));

    assertThat(new LeadTimeline(null, DefaultDataConverter.newDefaultInstance()).told(history)).extracting(TimelineEvent::what).containsExactly("Lead workflow started", "Route");
  }

  private static HistoryEvent route(long id, boolean failed) {
    MarkerRecordedEventAttributes.Builder marker = MarkerRecordedEventAttributes.newBuilder()
        .setMarkerName("LocalActivity")
        .putDetails("type", Payloads.newBuilder().addPayloads(payload("Route")).build());
    if (failed) {
      marker.setFailure(Failure.newBuilder().setMessage("Connection to 127.0.0.1:5432 refused"));
    }
    return event(id, EventType.EVENT_TYPE_MARKER_RECORDED)
        .setMarkerRecordedEventAttributes(marker)
        .setUserMetadata(UserMetadata.newBuilder().setSummary(payload("Route")))
        .build();
  }

  private static HistoryEvent sdkTimerStarted(long id) {
    return event(id, EventType.EVENT_TYPE_TIMER_STARTED)
        .setTimerStartedEventAttributes(TimerStartedEventAttributes.newBuilder().setTimerId(String.valueOf(id)))
        .build();
  }

  private static HistoryEvent sdkTimerFired(long id, long startedId) {
    return event(id, EventType.EVENT_TYPE_TIMER_FIRED)
        .setTimerFiredEventAttributes(TimerFiredEventAttributes.newBuilder().setStartedEventId(startedId))
        .build();
  }

  private static HistoryEvent.Builder event(long id, EventType type) {
    return HistoryEvent.newBuilder().setEventId(id).setEventType(type);
  }

  private static io.temporal.api.common.v1.Payload payload(String text) {
    return DefaultDataConverter.newDefaultInstance().toPayload(text).orElseThrow();
  }
}
