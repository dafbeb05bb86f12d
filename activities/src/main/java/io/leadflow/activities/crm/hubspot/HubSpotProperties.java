package io.leadflow.activities.crm.hubspot;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadflow.crm.hubspot.*}, read when {@code leadflow.crm.provider=hubspot}: {@code token} is
 * the private app's access token (env {@code LEADFLOW_CRM_HUBSPOT_TOKEN}), sent as a Bearer token
 * and never logged. {@code base-url} replaces https://api.hubapi.com (tests point it at WireMock).
 * {@code connect-timeout} (default 5s) and {@code read-timeout} (default 20s) bound one request.
 */
@ConfigurationProperties("leadflow.crm.hubspot")
public record HubSpotProperties(URI baseUrl, String token, Duration connectTimeout, Duration readTimeout) {

  public HubSpotProperties {
    baseUrl = baseUrl == null ? URI.create("https://api.hubapi.com") : baseUrl;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
  }

  /** Without the token, which would otherwise land in any log line that prints the properties. */
  @Override
  public String toString() {
    return "HubSpotProperties[baseUrl=" + baseUrl + ", token=" + (token == null ? "unset" : "***")
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
  }
}
