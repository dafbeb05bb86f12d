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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stored history must replay against today's workflow code: a change that would break
 * running leads fails the build. The rule for intentional changes is in docs/lifecycle.md,
 * "Changing running workflows"; {@link RecordHistories} records the histories.
 */
class LeadWorkflowReplayTest {

  static Stream<String> histories() throws IOException, URISyntaxException {
    Path directory = Path.of(LeadWorkflowReplayTest.class.getResource("/histories").toURI());
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> "histories/" + f.getFileName()).sorted().toList().stream();
    }
  }

  /**
   * One replay first, so the classes a workflow thread loads on its first run are loaded before a
   * test counts on the SDK's 1 s deadlock detector (a loaded machine took longer).
   */
  @BeforeAll
  static void loadTheWorkflowClasses() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource("histories/baseline-ack-cadence-nurture.json", LeadWorkflowImpl.class);
  }

  @Test
  void thereAreHistoriesToReplay() throws Exception {
    assertThat(histories()).hasSizeGreaterThanOrEqualTo(8);
  }

  /** The spread recording really took the spread: its held call and text woke after 08:00, not at it. */
  @Test
  void theSpreadHistoryWokeInsideTheSpreadAfterTheOpening() throws Exception {
    String json =
        new String(
            LeadWorkflowReplayTest.class.getResourceAsStream("/histories/baseline-opening-spread-overnight.json").readAllBytes(),
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
                    "histories/baseline-ack-cadence-nurture.json", RoutesBeforeEnriching.class))
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
    public void meetingCanceled(Instant at) {}

    @Override
    public void reassign(Reassignment reassignment) {}

    @Override
    public void convert(String reason) {}

    @Override
    public void engagement(EngagementEvent event) {}

    @Override
    public LeadState state() {
      return null;
    }
  }
}
