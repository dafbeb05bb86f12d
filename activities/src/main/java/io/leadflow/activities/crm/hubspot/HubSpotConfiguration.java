package io.leadflow.activities.crm.hubspot;

import io.leadflow.activities.crm.CrmClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** HubSpot is the CRM when {@code leadflow.crm.provider=hubspot}; then its token must be set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "leadflow.crm", name = "provider", havingValue = "hubspot")
@EnableConfigurationProperties(HubSpotProperties.class)
class HubSpotConfiguration {

  @Bean
  CrmClient hubSpotClient(HubSpotProperties properties) {
    if (properties.token() == null || properties.token().isBlank()) {
      throw new IllegalStateException(
          "leadflow.crm.provider=hubspot needs leadflow.crm.hubspot.token (a private app access token)");
    }
    return new HubSpotClient(new HubSpotHttp(properties));
  }
}
