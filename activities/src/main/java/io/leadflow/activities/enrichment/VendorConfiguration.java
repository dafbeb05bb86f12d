package io.leadflow.activities.enrichment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The company-data vendor exists only when {@code leadflow.enrichment.vendor.base-url} is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VendorProperties.class)
class VendorConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "leadflow.enrichment.vendor", name = "base-url")
  CompanyDataProvider companyDataProvider(VendorProperties vendor) {
    return new HttpCompanyDataProvider(vendor);
  }
}
