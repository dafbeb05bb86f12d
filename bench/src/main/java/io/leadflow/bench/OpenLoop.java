package io.leadflow.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * A fixed arrival rate that does not slow down when the system does: request i is due at
 * start + i/rate, and its latency is measured from that due time, so queueing is not hidden
 * (no coordinated omission).
 */
final class OpenLoop {

  private OpenLoop() {}

  /** Calls {@code send} with each request's due time (System.nanoTime) at the given rate. */
  static void run(int perSecond, Duration duration, LongConsumer send) throws InterruptedException {
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    long total = perSecond * duration.toSeconds();
    for (long i = 0; i < total; i++) {
      long due = start + i * 1_000_000_000L / perSecond;
      timer.schedule(() -> send.accept(due), due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
    timer.shutdown();
    timer.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
  }
}
