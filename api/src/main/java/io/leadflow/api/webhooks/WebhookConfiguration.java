package io.leadflow.api.webhooks;

import io.leadflow.activities.outreach.sendgrid.SendGridProperties;
import io.leadflow.activities.outreach.twilio.TwilioProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The webhooks read the providers' own properties (their secrets) beside their own. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  WebhookProperties.class, TwilioProperties.class, SendGridProperties.class, CalendlyProperties.class, HubSpotProperties.class
})
class WebhookConfiguration {}
