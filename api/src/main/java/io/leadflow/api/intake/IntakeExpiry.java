package io.leadflow.api.intake;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets deliveries older than {@code leadflow.intake.keep-for}: remembered keys and kept payloads alike. */
@Component
class IntakeExpiry {

  private static final Logger log = LoggerFactory.getLogger(IntakeExpiry.class);

  private final IntakeDeliveries deliveries;
  private final IntakeProperties properties;
  private final Clock clock = Clock.systemUTC();

  IntakeExpiry(IntakeDeliveries deliveries, IntakeProperties properties) {
    this.deliveries = deliveries;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "${leadflow.intake.purge-interval:1h}")
  void purge() {
    int purged = deliveries.purge(clock.instant().minus(properties.keepFor()));
    if (purged > 0) {
      log.info("Purged {} intake deliveries older than {}", purged, properties.keepFor());
    }
  }
}
