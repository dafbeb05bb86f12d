package io.leadflow.activities.outreach.twilio;

import com.twilio.http.TwilioRestClient;
import io.leadflow.activities.outreach.SendSlots;
import io.leadflow.activities.outreach.SmsOptOutHint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Twilio carries calls and texts once credentials are configured; otherwise dry-run does. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "leadflow.twilio", name = "account-sid")
@EnableConfigurationProperties(TwilioProperties.class)
class TwilioConfiguration {

  @Bean
  TwilioRestClient twilioRestClient(TwilioProperties properties) {
    return new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
        .httpClient(new OneAttemptHttpClient(properties.baseUrl(), properties.readTimeout()))
        .build();
  }

  /** Texts and calls share the client's connections. */
  @Bean
  SendSlots twilioSendSlots() {
    return new SendSlots(OneAttemptHttpClient.CONNECTIONS);
  }

  @Bean
  TwilioSmsSender twilioSms(
      TwilioRestClient twilio, SendSlots twilioSendSlots, TwilioProperties properties, SmsOptOutHint optOutHint) {
    return new TwilioSmsSender(twilio, twilioSendSlots, properties, optOutHint);
  }

  @Bean
  TwilioCallSender twilioCalls(TwilioRestClient twilio, SendSlots twilioSendSlots, TwilioProperties properties) {
    return new TwilioCallSender(twilio, twilioSendSlots, properties);
  }
}
