package io.leadflow.api.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A provider's event LeadFlow cannot use is recorded here (a warning in the log and the counter
 * {@code leadflow.webhooks.events.skipped}, by provider and reason) and skipped: it is never the
 * reason the other events of its request are refused. Reasons are short fixed phrases, so the
 * counter's tags stay few.
 */
@Component
class SkippedEvents {

  private static final Logger log = LoggerFactory.getLogger(SkippedEvents.class);

  private final MeterRegistry meters;

  SkippedEvents(MeterRegistry meters) {
    this.meters = meters;
  }

  /** @param id the provider's id for the event when it has one (never an address or a message body) */
  void record(String provider, String reason, String id) {
    log.warn("Skipped a {} event LeadFlow cannot use ({}){}", provider, reason, id == null ? "" : ": " + id);
    Counter.builder("leadflow.webhooks.events.skipped")
        .description("Provider events LeadFlow could not use, recorded and skipped")
        .tag("provider", provider)
        .tag("reason", reason)
        .register(meters)
        .increment();
  }
}
