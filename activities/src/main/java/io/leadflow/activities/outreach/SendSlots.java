package io.leadflow.activities.outreach;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One slot per connection a provider's HTTP client keeps. A send takes a slot before its touch is
 * marked SENDING: a send still queued for a connection stays RESERVED, so a crash while it waits
 * leaves nothing ambiguous and the retry simply sends it.
 */
public final class SendSlots {

  /** For senders without a connection pool (dry-run). */
  static final SendSlots UNBOUNDED = new SendSlots(Integer.MAX_VALUE);

  private final Semaphore free;

  public SendSlots(int connections) {
    this.free = new Semaphore(connections, true);
  }

  /** @return whether a slot was taken within the wait; a taken slot must be released */
  boolean take(Duration wait) {
    try {
      return free.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void release() {
    free.release();
  }
}
