package io.leadflow.activities.outreach.twilio;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadflow.twilio.*} — set {@code account-sid} and {@code auth-token} (env
 * {@code LEADFLOW_TWILIO_ACCOUNT_SID}, {@code LEADFLOW_TWILIO_AUTH_TOKEN}) to send through Twilio.
 * Texts go from {@code messaging-service-sid} when set, else {@code from-number}. A click-to-call
 * rings {@code rep-phones[<repId>]} and bridges to the lead; without the rep's phone a
 * {@code voicemail-url} (TwiML) is played to the lead. {@code base-url} replaces
 * https://api.twilio.com (tests point it at WireMock). {@code read-timeout} (default 30s) bounds
 * the wait for Twilio's answer; a send that timed out may have been accepted and is not repeated.
 * The API checks webhook signatures with {@code auth-token} ({@link TwilioSignature}); there
 * {@code leadflow.webhooks.twilio-auth-token} sets it.
 */
@ConfigurationProperties("leadflow.twilio")
public record TwilioProperties(
    String accountSid,
    String authToken,
    String fromNumber,
    String messagingServiceSid,
    String statusCallbackUrl,
    String voicemailUrl,
    Map<String, String> repPhones,
    String baseUrl,
    Duration readTimeout) {

  public TwilioProperties {
    repPhones = repPhones == null ? Map.of() : Map.copyOf(repPhones);
    readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
  }
}
