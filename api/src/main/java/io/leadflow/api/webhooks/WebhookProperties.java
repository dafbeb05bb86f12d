package io.leadflow.api.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks prove they come from the provider. {@code public-base-url} is the URL Twilio was
 * given (https://leads.example.com), not whatever a proxy rewrote it to: Twilio signs that URL.
 * {@code sendgrid-verification-key} is the base64 public key from SendGrid's Event Webhook
 * settings; {@code inbound-parse-token} the secret in the Inbound Parse URL.
 */
@ConfigurationProperties("leadflow.webhooks")
record WebhookProperties(
    String publicBaseUrl,
    String twilioAuthToken,
    String sendgridVerificationKey,
    String inboundParseToken,
    java.time.Duration replayWindow) {

  WebhookProperties {
    replayWindow = replayWindow == null ? java.time.Duration.ofMinutes(5) : replayWindow;
  }
}
