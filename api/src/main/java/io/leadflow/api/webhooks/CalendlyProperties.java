package io.leadflow.api.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadflow.calendly.*}: {@code signing-key} is the webhook signing key given to Calendly
 * when the webhook subscription was created (or the OAuth app's); unset, every Calendly webhook
 * is refused. {@code tolerance} (default 3 minutes, as Calendly recommends) bounds how far a
 * signature's timestamp may be from now, either way.
 */
@ConfigurationProperties("leadflow.calendly")
record CalendlyProperties(String signingKey, Duration tolerance) {

  CalendlyProperties {
    tolerance = tolerance == null ? Duration.ofMinutes(3) : tolerance;
  }
}
