package io.leadflow.workflows;

import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Durable waits on named timers an operator can read in the UI. A wait ends at once when what it
 * waits for holds; engagement events and reassignments arriving meanwhile are applied without ending it: the timer
 * goes on, so a wait is one timer (and one "Waiting: …" line in the lead's timeline) however often
 * the lead engages during it.
 */
final class Timers {

  /** Before this change each engagement during a wait cancelled its timer and started another one. */
  static final String ONE_TIMER_PER_WAIT = "one-timer-per-wait";

  private final Interruptions interruptions;
  private final Runnable applyUpdates;

  Timers(Interruptions interruptions, Runnable applyUpdates) {
    this.interruptions = interruptions;
    this.applyUpdates = applyUpdates;
  }

  /** Waits until {@code until} or {@code done}; returns true when it ended early. */
  boolean sleepUntil(Instant until, String summary, Supplier<Boolean> done) {
    while (!done.get()) {
      Duration left = Duration.between(now(), until);
      if (left.isNegative() || left.isZero()) {
        return false;
      }
      List<Promise<Boolean>> timer = new ArrayList<>(1);
      CancellationScope scope =
          Workflow.newCancellationScope(
              () ->
                  timer.add(
                      Workflow.newTimer(left, TimerOptions.newBuilder().setSummary(summary).build())
                          // Cancelling fails the timer's promise: read here, the SDK has no
                          // unread failure to warn about when the run ends.
                          .handle((firedAt, cancelled) -> cancelled == null)));
      scope.run();
      Promise<Boolean> fired = timer.get(0);
      Workflow.await(() -> fired.isCompleted() || done.get() || interruptions.updatesPending());
      // Only updates woke it (neither fired nor done): applied while the same timer runs on.
      while (!fired.isCompleted() && !done.get() && keepsTheTimer()) {
        applyUpdates.run();
        Workflow.await(() -> fired.isCompleted() || done.get() || interruptions.updatesPending());
      }
      boolean firedNow = fired.isCompleted();
      if (!firedNow) {
        scope.cancel();
      }
      applyUpdates.run();
      if (firedNow) {
        return done.get();
      }
    }
    return true;
  }

  private static boolean keepsTheTimer() {
    return Workflow.getVersion(ONE_TIMER_PER_WAIT, Workflow.DEFAULT_VERSION, 1) == 1;
  }

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
