package io.leadflow.activities.outreach.sendgrid;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sendgrid.SendGrid;
import io.leadflow.activities.consent.UnsubscribeTokens;
import io.leadflow.activities.outreach.EmailFooter;
import io.leadflow.activities.outreach.SendSlots;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Email through SendGrid does not start without what every email must carry. */
class SendGridEmailSenderStartTest {

  private static final String ADDRESS = "Acme Inc., 1 Main St, Springfield, IL 62701, USA";
  private static final String HTTPS = "https://leads.example.com/api/v1/webhooks/email/unsubscribe";
  private final UnsubscribeTokens tokens = new UnsubscribeTokens("s".repeat(32), Duration.ofDays(60));

  @Test
  void startsWithAnHttpsUnsubscribeUrlAndAPostalAddress() {
    assertThatCode(() -> sender(HTTPS, ADDRESS)).doesNotThrowAnyException();
  }

  @Test
  void refusesToStartWithoutAPostalAddressNamingTheKey() {
    assertThatThrownBy(() -> sender(HTTPS, " "))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("leadflow.compliance.postal-address")
        .hasMessageContaining("LEADFLOW_COMPLIANCE_POSTAL_ADDRESS");
  }

  @Test
  void refusesToStartWithoutAnHttpsUnsubscribeUrl() {
    for (String url : new String[] {null, "http://leads.example.com/unsubscribe", "leads.example.com/unsubscribe", "https://leads.example.com/u?x=1"}) {
      assertThatThrownBy(() -> sender(url, ADDRESS))
          .as(url)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("leadflow.sendgrid.unsubscribe-url");
    }
  }

  private SendGridEmailSender sender(String unsubscribeUrl, String postalAddress) {
    SendGridProperties properties =
        new SendGridProperties(
            "SG.key", "ana@leadflow.test", "Ana", null, null, null, unsubscribeUrl, null, false, null, null, null, null);
    return new SendGridEmailSender(
        new SendGrid("SG.key"), new SendSlots(1), properties, tokens, new EmailFooter(postalAddress), Clock.systemUTC());
  }
}
