package io.leadflow.api.webhooks;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HubSpot webhook ({@code leadflow.crm.hubspot.*}). {@code client-secret} is the HubSpot app's
 * client secret, which signs every request; {@code webhook-url} is the target URL exactly as set in
 * the app (https://leads.example.com/api/v1/webhooks/hubspot), not whatever a proxy rewrote it to:
 * HubSpot signs that URL. A lead whose contact reaches one of the {@code stop-stages} (lifecycle
 * stage internal values; default opportunity and customer) is closed as converted.
 */
@ConfigurationProperties("leadflow.crm.hubspot")
record HubSpotProperties(String clientSecret, String webhookUrl, List<String> stopStages) {

  HubSpotProperties {
    stopStages =
        stopStages == null || stopStages.isEmpty()
            ? List.of("opportunity", "customer")
            : stopStages.stream().map(stage -> stage.strip().toLowerCase(Locale.ROOT)).filter(stage -> !stage.isEmpty()).toList();
  }

  boolean stopsAt(String stage) {
    return stage != null && stopStages.contains(stage.strip().toLowerCase(Locale.ROOT));
  }
}
