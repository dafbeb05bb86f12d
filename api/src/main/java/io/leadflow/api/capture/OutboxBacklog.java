package io.leadflow.api.capture;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * How the capture outbox stands, as metrics ({@code leadflow.capture.outbox.backlog},
 * {@code leadflow.capture.outbox.dead}) and in health ({@code captureOutbox}): {@link #DEGRADED}
 * when the oldest capture has waited over five minutes (the speed-to-lead promise) or one is
 * dead-lettered. Never DOWN: the API still takes captures, and restarting it would not help.
 */
@Component("captureOutbox")
class OutboxBacklog implements HealthIndicator, MeterBinder {

  /** Ordered between DOWN and UP by {@code management.endpoint.health.status.order}; answered with 200. */
  static final Status DEGRADED = new Status("DEGRADED");
  private static final Duration TOO_OLD = Duration.ofMinutes(5);

  private final OutboxRepository outbox;

  OutboxBacklog(OutboxRepository outbox) {
    this.outbox = outbox;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("leadflow.capture.outbox.backlog", outbox, OutboxRepository::countPending)
        .description("Captures stored but not yet handed to Temporal (dead letters excluded)")
        .register(registry);
    Gauge.builder("leadflow.capture.outbox.dead", outbox, OutboxRepository::countDead)
        .description("Captures the relay gave up on, waiting for an operator's replay")
        .register(registry);
  }

  @Override
  public Health health() {
    long pending = outbox.countPending();
    long dead = outbox.countDead();
    Instant oldest = outbox.oldestPending();
    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now());
    boolean degraded = dead > 0 || age.compareTo(TOO_OLD) > 0;
    return Health.status(degraded ? DEGRADED : Status.UP)
        .withDetail("backlog", pending)
        .withDetail("oldestAgeSeconds", age.toSeconds())
        .withDetail("deadLetters", dead)
        .build();
  }
}
