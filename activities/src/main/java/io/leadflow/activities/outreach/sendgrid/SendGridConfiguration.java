package io.leadflow.activities.outreach.sendgrid;

import com.sendgrid.SendGrid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SendGrid carries email once an API key is configured; otherwise dry-run does. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "leadflow.sendgrid", name = "api-key")
@EnableConfigurationProperties(SendGridProperties.class)
class SendGridConfiguration {

  @Bean
  SendGrid sendGrid(SendGridProperties properties) {
    SendGrid sendGrid = new SendGrid(properties.apiKey(), properties.plainHttp());
    if (properties.host() != null) {
      sendGrid.setHost(properties.host());
    }
    return sendGrid;
  }

  @Bean
  SendGridEmailChannel sendGridEmail(SendGrid sendGrid, SendGridProperties properties) {
    return new SendGridEmailChannel(sendGrid, properties);
  }
}
