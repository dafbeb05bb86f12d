package io.leadflow.activities.outreach.sendgrid;

import io.leadflow.activities.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply that reached SendGrid Inbound Parse: the lead is named by the plus-address
 * {@link SendGridEmailSender} replies to ({@code replies+<leadId>@…}), the message by its own
 * Message-ID (else a hash of what was posted). Inbound Parse's proof is the secret token in the URL
 * it posts to.
 */
public record SendGridReply(UUID leadId, String text, String messageId) {

  private static final Pattern REPLY_ADDRESS = Pattern.compile("\\+([0-9a-fA-F-]{36})@");

  /** From Inbound Parse's form fields {@code to}, {@code from}, {@code subject}, {@code text}, {@code headers}. */
  public static SendGridReply of(String to, String from, String subject, String text, String headers) {
    Matcher address = REPLY_ADDRESS.matcher(to);
    UUID leadId = address.find() ? SendGridEvent.leadId(address.group(1)) : null;
    String messageId =
        messageId(headers).orElseGet(() -> "email:" + Sha256.hex(to + "|" + from + "|" + subject + "|" + text).substring(0, 32));
    return new SendGridReply(leadId, text, messageId);
  }

  /**
   * @param inboundParseToken {@link SendGridProperties#inboundParseToken()}
   * @return why the request is not provably from Inbound Parse, or empty when it is
   */
  public static Optional<String> rejection(String inboundParseToken, String token) {
    if (inboundParseToken == null || inboundParseToken.isBlank() || token == null
        || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), inboundParseToken.getBytes(StandardCharsets.UTF_8))) {
      return Optional.of("The Inbound Parse token is missing or wrong.");
    }
    return Optional.empty();
  }

  /** The email's own Message-ID, from the raw headers Inbound Parse passes along. */
  private static Optional<String> messageId(String headers) {
    if (headers == null) {
      return Optional.empty();
    }
    return headers.lines()
        .filter(line -> line.regionMatches(true, 0, "Message-ID:", 0, 11))
        .map(line -> line.substring(11).strip())
        .filter(id -> !id.isEmpty())
        .findFirst();
  }
}
