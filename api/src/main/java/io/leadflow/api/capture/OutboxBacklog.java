package io.leadflow.api.capture;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * How many captures wait to reach Temporal, as a metric ({@code leadflow.capture.outbox.backlog})
 * and in health ({@code captureOutbox}): DOWN when the oldest has waited over five minutes, the
 * speed-to-lead promise.
 */
@Component("captureOutbox")
class OutboxBacklog implements HealthIndicator, MeterBinder {

  private static final Duration TOO_OLD = Duration.ofMinutes(5);

  private final OutboxRepository outbox;

  OutboxBacklog(OutboxRepository outbox) {
    this.outbox = outbox;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("leadflow.capture.outbox.backlog", outbox, OutboxRepository::countPending)
        .description("Captures stored but not yet handed to Temporal")
        .register(registry);
  }

  @Override
  public Health health() {
    long pending = outbox.countPending();
    Instant oldest = outbox.oldestPending();
    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now());
    Health.Builder health = age.compareTo(TOO_OLD) > 0 ? Health.down() : Health.up();
    return health.withDetail("backlog", pending).withDetail("oldestAgeSeconds", age.toSeconds()).build();
  }
}
