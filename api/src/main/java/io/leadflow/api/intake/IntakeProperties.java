package io.leadflow.api.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signed intake's bounds. {@code tolerance} (5 minutes): how far a LeadFlow signature's time may
 * be from now. {@code keepFor} (14 days): how long a delivery is remembered, a failed one's payload
 * with it; older ones are purged every {@code purge-interval} (1 hour) and never listed or
 * replayed. {@code maxKeptPerSource} (500): failed payloads kept at once per source, each at most
 * the intake body limit ({@code leadflow.intake.max-body-bytes}, 256 KB); past it a failed delivery
 * is refused without its payload being kept, and the answer says so.
 */
@ConfigurationProperties("leadflow.intake")
record IntakeProperties(Duration tolerance, Duration keepFor, Integer maxKeptPerSource) {

  IntakeProperties {
    tolerance = tolerance == null ? Duration.ofMinutes(5) : tolerance;
    keepFor = keepFor == null ? Duration.ofDays(14) : keepFor;
    maxKeptPerSource = maxKeptPerSource == null ? 500 : maxKeptPerSource;
  }
}
