package io.leadflow.api.capture;

import java.util.List;
import org.springframework.stereotype.Component;

/** Captures the relay gave up on, for an operator to read and replay once the cause is fixed. */
@Component
class DeadLetters {

  enum Replay { QUEUED, NOT_DEAD, NOT_FOUND }

  private final OutboxRepository outbox;
  private final CaptureRelay relay;

  DeadLetters(OutboxRepository outbox, CaptureRelay relay) {
    this.outbox = outbox;
    this.relay = relay;
  }

  List<OutboxEntry> oldest(int limit) {
    return outbox.findDead(limit);
  }

  /** Back to the relay with a fresh bound of attempts, and handed to Temporal at once. */
  Replay replay(long entryId) {
    if (outbox.revive(entryId) == 1) {
      relay.relaySoon(entryId);
      return Replay.QUEUED;
    }
    return outbox.findById(entryId).isPresent() ? Replay.NOT_DEAD : Replay.NOT_FOUND;
  }
}
