package io.leadflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.activity.ActivityOptions;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every stored history must replay against today's workflow code: a change that would break
 * running leads fails the build. Guard intentional changes with {@code Workflow.getVersion}.
 */
class LeadWorkflowReplayTest {

  static Stream<String> histories() throws IOException, URISyntaxException {
    Path directory = Path.of(LeadWorkflowReplayTest.class.getResource("/histories").toURI());
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> "histories/" + f.getFileName()).sorted().toList().stream();
    }
  }

  @Test
  void thereAreHistoriesToReplay() throws Exception {
    assertThat(histories()).hasSizeGreaterThanOrEqualTo(8);
  }

  /** The v1 histories replay the code before each change, these the code after it. */
  @ParameterizedTest
  @CsvSource({
    "histories/v2-tier-actions-hot-call-alert.json, tier-actions",
    "histories/v2-tier-actions-warm-same-day.json, tier-actions",
    "histories/v2-nurture-rescore-first-run.json, nurture-rescore",
    "histories/v3-local-store-ack-cadence-nurture.json, local-store",
    "histories/v3-local-store-escalation-reply-meeting.json, local-store",
    "histories/v4-local-lookups-ack-cadence-nurture.json, local-lookups",
    "histories/v4-local-lookups-escalation-reply-meeting.json, local-lookups",
  })
  void theNewHistoriesTakeTheVersionedPaths(String resource, String changeId) throws Exception {
    assertThat(versionMarkers(resource)).contains(changeId);
    assertThat(versionMarkers("histories/v1-ack-cadence-nurture.json")).isEmpty();
  }

  private static List<String> versionMarkers(String resource) throws Exception {
    String json = new String(LeadWorkflowReplayTest.class.getResourceAsStream("/" + resource).readAllBytes(), StandardCharsets.UTF_8);
    return WorkflowExecutionHistory.fromJson(json).getEvents().stream()
        .filter(HistoryEvent::hasMarkerRecordedEventAttributes)
        .map(HistoryEvent::getMarkerRecordedEventAttributes)
        .filter(marker -> marker.getMarkerName().equals("Version"))
        .map(marker -> marker.getDetailsOrThrow("changeId").getPayloads(0).getData().toStringUtf8().replace("\"", ""))
        .toList();
  }

  /** The spread recording really took the spread: its held call and text woke after 08:00, not at it. */
  @Test
  void theSpreadHistoryWokeInsideTheSpreadAfterTheOpening() throws Exception {
    String json =
        new String(
            LeadWorkflowReplayTest.class.getResourceAsStream("/histories/v5-opening-spread-overnight.json").readAllBytes(),
            StandardCharsets.UTF_8);
    HistoryEvent held =
        WorkflowExecutionHistory.fromJson(json).getEvents().stream()
            .filter(HistoryEvent::hasTimerStartedEventAttributes)
            .filter(e -> summaryOf(e).endsWith("· quiet hours"))
            .findFirst()
            .orElseThrow();
    Instant started = Instant.ofEpochSecond(held.getEventTime().getSeconds(), held.getEventTime().getNanos());
    com.google.protobuf.Duration timeout = held.getTimerStartedEventAttributes().getStartToFireTimeout();
    LocalTime wake = started.plusSeconds(timeout.getSeconds()).atZone(ZoneId.of("America/New_York")).toLocalTime();
    assertThat(wake).isAfter(LocalTime.of(8, 0)).isBefore(LocalTime.of(8, 10));
  }

  private static String summaryOf(HistoryEvent event) {
    return event.hasUserMetadata()
        ? DefaultDataConverter.newDefaultInstance().fromPayload(event.getUserMetadata().getSummary(), String.class, String.class)
        : "";
  }

  @ParameterizedTest
  @MethodSource("histories")
  void replaysWithoutNonDeterminism(String resource) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(resource, LeadWorkflowImpl.class);
  }

  @Test
  void aWorkflowThatSkipsAStageFailsTheReplay() {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    "histories/v1-ack-cadence-nurture.json", RoutesBeforeEnriching.class))
        // The replayer reports it as a failed replay query naming the cause.
        .hasStackTraceContaining(NonDeterministicException.class.getName())
        .hasStackTraceContaining("CurrentPlaybook");
  }

  /** Today's code with the enrichment stage dropped: exactly what a careless edit looks like. */
  public static class RoutesBeforeEnriching implements LeadWorkflow {

    private final RoutingActivities routing =
        Workflow.newActivityStub(
            RoutingActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public void run(LeadInput input) {
      routing.route(new RouteRequest(input.lead(), null, null));
    }

    @Override
    public AckResult acknowledge(String repId) {
      return null;
    }

    @Override
    public void validateAcknowledge(String repId) {}

    @Override
    public void reply(Reply reply) {}

    @Override
    public void optOut(OptOut optOut) {}

    @Override
    public void optIn(Channel channel) {}

    @Override
    public void disqualify(String reason) {}

    @Override
    public void meetingBooked(Instant at) {}

    @Override
    public void engagement(EngagementEvent event) {}

    @Override
    public LeadState state() {
      return null;
    }
  }
}
