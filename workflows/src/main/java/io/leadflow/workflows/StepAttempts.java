package io.leadflow.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a step's activity and, when it gives up (not retryable, or past the bound {@link
 * LeadActivities} sets for its kind), records that on the lead — its state, the {@code
 * LeadStepsGaveUp} search attribute, the {@code leadflow_steps_gave_up} metric and the lead store,
 * which logs the operator alert — so the lead carries on instead of waiting behind the step.
 */
final class StepAttempts {

  /** Before this change a give-up failed the workflow; running leads that already passed it keep that. */
  static final String CHANGE_ID = "give-up-and-carry-on";

  private static final int REASON_LENGTH = 300;
  private static final Duration FIRST_PAUSE = Duration.ofMinutes(15);
  private static final Duration LONGEST_PAUSE = Duration.ofHours(4);

  private final LeadState state;
  private final LeadActivities activities;
  private final LeadSearchAttributes searchAttributes;

  StepAttempts(LeadState state, LeadActivities activities, LeadSearchAttributes searchAttributes) {
    this.state = state;
    this.activities = activities;
    this.searchAttributes = searchAttributes;
  }

  /** The step's answer, or empty when it gave up (recorded). */
  <T> Optional<T> attempt(String step, Supplier<T> call) {
    try {
      return Optional.ofNullable(call.get());
    } catch (ActivityFailure failure) {
      if (Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
        throw failure;
      }
      gaveUp(step, failure);
      return Optional.empty();
    }
  }

  /** True when the step ran, false when it gave up (recorded). */
  boolean attempt(String step, Runnable call) {
    return attempt(step, () -> {
          call.run();
          return Boolean.TRUE;
        })
        .isPresent();
  }

  /**
   * For a step the lead cannot move on without (its playbook, its rep): after each give-up a
   * growing pause, then again; empty only once {@code stop} holds (the lead was closed meanwhile).
   */
  <T> Optional<T> untilDone(String step, Supplier<T> call, Timers timers, Supplier<Boolean> stop) {
    Duration pause = FIRST_PAUSE;
    while (!stop.get()) {
      Optional<T> answer = attempt(step, call);
      if (answer.isPresent()) {
        return answer;
      }
      timers.sleepUntil(Timers.now().plus(pause), step + " · again after giving up", stop);
      pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
    }
    return Optional.empty();
  }

  private void gaveUp(String step, ActivityFailure failure) {
    StepGaveUp record = new StepGaveUp(step, reason(failure), Timers.now());
    state.gaveUp(record);
    searchAttributes.upsert(state);
    Workflow.getMetricsScope().counter("leadflow_steps_gave_up").inc(1);
    try {
      activities.store("Gave up: " + step).recordGaveUp(state.leadId(), record);
    } catch (ActivityFailure storeDown) {
      // The state, the search attribute and the metric still show it.
    }
  }

  private static String reason(ActivityFailure failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    String message = cause instanceof ApplicationFailure application ? application.getOriginalMessage() : cause.getMessage();
    String reason = message == null ? cause.getClass().getSimpleName() : message;
    return reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH - 1) + "…";
  }
}
