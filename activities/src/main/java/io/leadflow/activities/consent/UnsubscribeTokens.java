package io.leadflow.activities.consent;

import io.leadflow.activities.store.HmacSha256;
import io.leadflow.workflows.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The token in an unsubscribe link: {@code <leadId>.<channel>.<expiresEpochSecond>.<signature>},
 * the signature an HMAC-SHA256 over the first three parts with {@code leadflow.unsubscribe.secret}.
 * Only whoever holds the secret (the worker that sends, the API that checks) can make one, so a
 * lead's id alone opts nobody out. A link lives {@code leadflow.unsubscribe.link-lifetime} (60
 * days): CAN-SPAM wants an opt-out to keep working 30 days after the message, and an email read
 * late still works; every later email carries a fresh link.
 *
 * <p>The secret is checked where it is needed ({@link #requireSecret}): by the API, which answers
 * the links, always; by the worker only when it sends email with an unsubscribe URL.
 */
@Component
public class UnsubscribeTokens {

  /** An HMAC-SHA256 key shorter than its 32-byte output weakens it. */
  static final int MIN_SECRET_LENGTH = 32;

  /** What a token says once its signature and expiry check out. */
  public record Claim(UUID leadId, Channel channel, Instant expiresAt) {}

  /** Why a token is refused. */
  public enum Refusal {
    INVALID,
    EXPIRED
  }

  /** The result of a check: a claim, or why there is none. */
  public record Checked(Optional<Claim> claim, Refusal refusal) {}

  private final byte[] secret;
  private final Duration lifetime;

  public UnsubscribeTokens(
      @Value("${leadflow.unsubscribe.secret:}") String secret,
      @Value("${leadflow.unsubscribe.link-lifetime:60d}") Duration lifetime) {
    this.secret = secret == null ? new byte[0] : secret.strip().getBytes(StandardCharsets.UTF_8);
    this.lifetime = lifetime;
  }

  /** Fails the start of {@code who} with what to set when there is no usable secret. */
  public void requireSecret(String who) {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new IllegalStateException(
          who + " needs leadflow.unsubscribe.secret (LEADFLOW_UNSUBSCRIBE_SECRET), at least " + MIN_SECRET_LENGTH
              + " characters, the same for the worker and the API: e.g. `openssl rand -hex 32`");
    }
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** A token for {@code leadId}'s {@code channel}, valid for the link lifetime from {@code issuedAt}. */
  public String issue(UUID leadId, Channel channel, Instant issuedAt) {
    requireSecret("An unsubscribe link");
    String claim = leadId + "." + channel.name() + "." + issuedAt.plus(lifetime).getEpochSecond();
    return claim + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(claim));
  }

  /**
   * The claim of a token made with this secret for {@code channel}, not yet expired at {@code now}.
   * Anything else (absent, malformed, another channel, a changed part, another secret) is
   * {@link Refusal#INVALID}; a genuine token past its expiry is {@link Refusal#EXPIRED}.
   */
  public Checked check(String token, Channel channel, Instant now) {
    if (token == null || secret.length < MIN_SECRET_LENGTH) {
      return refused(Refusal.INVALID);
    }
    int lastDot = token.lastIndexOf('.');
    String[] parts = token.split("\\.", -1);
    if (parts.length != 4 || !signedBy(token.substring(0, lastDot), parts[3])) {
      return refused(Refusal.INVALID);
    }
    Claim claim;
    try {
      claim = new Claim(UUID.fromString(parts[0]), Channel.valueOf(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])));
    } catch (RuntimeException malformed) {
      return refused(Refusal.INVALID);
    }
    if (claim.channel() != channel) {
      return refused(Refusal.INVALID);
    }
    if (!now.isBefore(claim.expiresAt())) {
      return refused(Refusal.EXPIRED);
    }
    return new Checked(Optional.of(claim), null);
  }

  /** Constant time: how much of a forged signature matches tells an attacker nothing. */
  private boolean signedBy(String claim, String signature) {
    byte[] presented;
    try {
      presented = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    return HmacSha256.matches(mac(claim), presented);
  }

  private byte[] mac(String claim) {
    return HmacSha256.of(secret, HmacSha256.utf8(claim));
  }

  private static Checked refused(Refusal refusal) {
    return new Checked(Optional.empty(), refusal);
  }
}
