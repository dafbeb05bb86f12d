package io.leadflow.activities.outreach.sendgrid;

import com.sendgrid.Client;
import com.sendgrid.SendGrid;
import io.leadflow.activities.consent.UnsubscribeTokens;
import io.leadflow.activities.outreach.EmailFooter;
import io.leadflow.activities.outreach.SendSlots;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClients;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SendGrid carries email once an API key is configured; otherwise dry-run does. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "leadflow.sendgrid", name = "api-key")
@EnableConfigurationProperties(SendGridProperties.class)
class SendGridConfiguration {

  /** Every request goes to one host, so this is how many SendGrid requests are in flight at most. */
  private static final int CONNECTIONS = 20;

  /**
   * The SDK's own HTTP client keeps two connections and waits for an answer forever. This one
   * keeps {@link #CONNECTIONS}, gives up on a silent SendGrid after the read timeout and never
   * repeats a request itself: the activity's retry is the only retry.
   */
  @Bean
  SendGrid sendGrid(SendGridProperties properties) {
    RequestConfig timeouts =
        RequestConfig.custom()
            .setConnectTimeout((int) properties.connectTimeout().toMillis())
            .setSocketTimeout((int) properties.readTimeout().toMillis())
            .build();
    Client client =
        new Client(
            HttpClients.custom()
                .setMaxConnPerRoute(CONNECTIONS)
                .setMaxConnTotal(CONNECTIONS)
                .setDefaultRequestConfig(timeouts)
                .disableAutomaticRetries()
                .useSystemProperties()
                .build(),
            properties.plainHttp());
    SendGrid sendGrid = new SendGrid(properties.apiKey(), client);
    if (properties.host() != null) {
      sendGrid.setHost(properties.host());
    }
    return sendGrid;
  }

  @Bean
  SendGridEmailSender sendGridEmail(
      SendGrid sendGrid,
      SendGridProperties properties,
      UnsubscribeTokens unsubscribe,
      EmailFooter footer,
      java.time.Clock clock) {
    return new SendGridEmailSender(sendGrid, new SendSlots(CONNECTIONS), properties, unsubscribe, footer, clock);
  }
}
