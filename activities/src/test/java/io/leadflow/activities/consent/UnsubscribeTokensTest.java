package io.leadflow.activities.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.activities.consent.UnsubscribeTokens.Refusal;
import io.leadflow.workflows.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  private final UnsubscribeTokens tokens = new UnsubscribeTokens(SECRET, Duration.ofDays(60));
  private final UUID lead = UUID.randomUUID();
  private final Instant sent = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aTokenNamesItsLeadAndChannelUntilItExpires() {
    String token = tokens.issue(lead, Channel.EMAIL, sent);

    var claim = tokens.check(token, Channel.EMAIL, sent.plus(Duration.ofDays(59))).claim().orElseThrow();

    assertThat(claim.leadId()).isEqualTo(lead);
    assertThat(claim.channel()).isEqualTo(Channel.EMAIL);
    assertThat(claim.expiresAt()).isEqualTo(sent.plus(Duration.ofDays(60)));
    assertThat(tokens.check(token, Channel.EMAIL, sent.plus(Duration.ofDays(60))).refusal()).isEqualTo(Refusal.EXPIRED);
  }

  @Test
  void anyChangedPartOrAnotherSecretIsInvalid() {
    String token = tokens.issue(lead, Channel.EMAIL, sent);
    String[] parts = token.split("\\.");
    String laterExpiry = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400) + "." + parts[3];
    String otherLead = UUID.randomUUID() + "." + parts[1] + "." + parts[2] + "." + parts[3];
    String otherSignature = parts[0] + "." + parts[1] + "." + parts[2] + "." + "A".repeat(parts[3].length());

    for (String forged : new String[] {laterExpiry, otherLead, otherSignature, parts[0], "", "a.b.c.d", token + ".x"}) {
      assertThat(tokens.check(forged, Channel.EMAIL, sent).refusal()).as(forged).isEqualTo(Refusal.INVALID);
    }
    assertThat(tokens.check(token, Channel.SMS, sent).refusal()).isEqualTo(Refusal.INVALID);
    assertThat(tokens.check(null, Channel.EMAIL, sent).refusal()).isEqualTo(Refusal.INVALID);
    UnsubscribeTokens otherSecret = new UnsubscribeTokens("fedcba9876543210fedcba9876543210", Duration.ofDays(60));
    assertThat(otherSecret.check(token, Channel.EMAIL, sent).refusal()).isEqualTo(Refusal.INVALID);
  }

  @Test
  void withoutASecretNothingIsSignedOrAccepted() {
    UnsubscribeTokens unset = new UnsubscribeTokens("", Duration.ofDays(60));
    UnsubscribeTokens tooShort = new UnsubscribeTokens("short", Duration.ofDays(60));

    assertThatThrownBy(() -> unset.requireSecret("The API")).hasMessageContaining("LEADFLOW_UNSUBSCRIBE_SECRET");
    assertThatThrownBy(() -> tooShort.issue(lead, Channel.EMAIL, sent)).isInstanceOf(IllegalStateException.class);
    assertThat(unset.check(tokens.issue(lead, Channel.EMAIL, sent), Channel.EMAIL, sent).refusal()).isEqualTo(Refusal.INVALID);
  }
}
