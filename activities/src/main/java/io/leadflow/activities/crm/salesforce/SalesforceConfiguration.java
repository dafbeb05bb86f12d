package io.leadflow.activities.crm.salesforce;

import io.leadflow.activities.crm.CrmClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Salesforce is the team's CRM when {@code leadflow.crm.provider=salesforce}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "leadflow.crm", name = "provider", havingValue = "salesforce")
@EnableConfigurationProperties(SalesforceProperties.class)
class SalesforceConfiguration {

  @Bean
  CrmClient salesforceCrmClient(SalesforceProperties properties) {
    return new SalesforceClient(properties);
  }
}
