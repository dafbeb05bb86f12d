package io.leadflow.api.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks prove they come from the provider. {@code public-base-url} is the URL Twilio was
 * given (https://leads.example.com), not whatever a proxy rewrote it to: Twilio signs that URL.
 * {@code replay-window} (default 5 minutes) bounds the age of a signed SendGrid event. The secrets
 * live in the providers' properties; {@code twilio-auth-token}, {@code sendgrid-verification-key}
 * and {@code inbound-parse-token} here stay the API's keys for them (application.yml).
 */
@ConfigurationProperties("leadflow.webhooks")
record WebhookProperties(String publicBaseUrl, java.time.Duration replayWindow) {

  WebhookProperties {
    replayWindow = replayWindow == null ? java.time.Duration.ofMinutes(5) : replayWindow;
  }
}
