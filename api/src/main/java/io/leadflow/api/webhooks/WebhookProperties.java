package io.leadflow.api.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks prove they come from the provider. {@code public-base-url} is the URL Twilio was
 * given (https://leads.example.com), not whatever a proxy rewrote it to: Twilio signs that URL.
 * {@code sendgrid-verification-key} is the base64 public key from SendGrid's Event Webhook
 * settings; {@code inbound-parse-token} the secret in the Inbound Parse URL.
 * {@code twilio-auth-token} sets the Twilio properties' {@code auth-token} (application.yml): the
 * provider's properties hold the secrets, these keys stay the API's documented ones.
 */
@ConfigurationProperties("leadflow.webhooks")
record WebhookProperties(
    String publicBaseUrl,
    String sendgridVerificationKey,
    String inboundParseToken,
    java.time.Duration replayWindow) {

  WebhookProperties {
    replayWindow = replayWindow == null ? java.time.Duration.ofMinutes(5) : replayWindow;
  }
}
