package io.leadflow.api.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A capture on its way to Temporal: start the lead's workflow, or join it with an engagement.
 * {@code attempts} counts the failures that held the entry itself back; past the bound it is
 * dead-lettered ({@code deadAt}) until an operator replays it.
 */
@Table("capture_outbox")
record OutboxEntry(
    @Id Long id,
    UUID leadId,
    long captureId,
    boolean joined,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant doneAt,
    Instant deadAt) {

  /** The relay's fast path takes a new entry at once; the scheduled scan only if that failed. */
  private static final Duration FAST_PATH_GRACE = Duration.ofSeconds(5);

  static OutboxEntry of(UUID leadId, long captureId, boolean joined, Instant now) {
    return new OutboxEntry(null, leadId, captureId, joined, 0, now.plus(FAST_PATH_GRACE), null, now, null, null);
  }
}
