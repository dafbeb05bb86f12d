package io.leadflow.activities.enrichment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadflow.enrichment.vendor.*}: the company-data vendor. Off unless {@code base-url} is
 * set. {@code path} takes the domain as its {@code domain} query parameter and answers
 * Clearbit-shaped JSON ({@code name}, {@code category.industry}, {@code metrics.employees}); the
 * key goes in {@code Authorization: Bearer}. Each attempt waits at most {@code connect-timeout}
 * plus {@code read-timeout}; {@code max-attempts} bounds the whole lookup.
 */
@ConfigurationProperties("leadflow.enrichment.vendor")
record VendorProperties(
    URI baseUrl,
    String apiKey,
    String path,
    Duration connectTimeout,
    Duration readTimeout,
    Integer maxAttempts,
    Duration backoff) {

  VendorProperties {
    path = path == null ? "/v2/companies/find" : path;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(2) : readTimeout;
    maxAttempts = maxAttempts == null ? 3 : maxAttempts;
    backoff = backoff == null ? Duration.ofMillis(200) : backoff;
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("leadflow.enrichment.vendor.max-attempts must be at least 1");
    }
  }
}
