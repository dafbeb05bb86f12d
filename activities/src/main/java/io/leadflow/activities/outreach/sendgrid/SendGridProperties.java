package io.leadflow.activities.outreach.sendgrid;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadflow.sendgrid.*} — set {@code api-key} (env {@code LEADFLOW_SENDGRID_API_KEY}) to send
 * email through SendGrid. Replies go to {@code reply-local-part+<leadId>@reply-domain}, the domain
 * SendGrid Inbound Parse posts to us. {@code unsubscribe-group-id} is the SendGrid unsubscribe
 * group; {@code unsubscribe-url} the HTTPS endpoint for RFC 8058 one-click unsubscribe, required
 * (with {@code leadflow.compliance.postal-address}): every email carries it in its headers and body.
 * {@code host} and {@code plain-http} point the SDK elsewhere (WireMock in tests).
 * {@code connect-timeout} (default 10s) and {@code read-timeout} (default 30s) bound one request;
 * a request that timed out reading may have been accepted, so its touch is not sent again.
 * The API's webhooks check {@code verification-key} (the base64 public key from the Event
 * Webhook's settings, {@link SendGridSignature}) and {@code inbound-parse-token} (the secret in the
 * Inbound Parse URL, {@link SendGridReply}); there {@code leadflow.webhooks.sendgrid-verification-key}
 * and {@code leadflow.webhooks.inbound-parse-token} set them.
 */
@ConfigurationProperties("leadflow.sendgrid")
public record SendGridProperties(
    String apiKey,
    String fromEmail,
    String fromName,
    String replyLocalPart,
    String replyDomain,
    Integer unsubscribeGroupId,
    String unsubscribeUrl,
    String host,
    boolean plainHttp,
    Duration connectTimeout,
    Duration readTimeout,
    String verificationKey,
    String inboundParseToken) {

  public SendGridProperties {
    replyLocalPart = replyLocalPart == null ? "replies" : replyLocalPart;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
  }
}
