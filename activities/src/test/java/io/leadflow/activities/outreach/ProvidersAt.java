package io.leadflow.activities.outreach;

import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.QuietHoursPolicy;
import io.leadflow.workflows.TouchRequest;
import java.time.LocalTime;
import java.util.List;
import java.util.function.IntSupplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Test helper: the real Twilio and SendGrid SDKs configured against a local port (WireMock). */
final class ProvidersAt {

  static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
  static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
  static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json";
  static final String MAIL = "/v3/mail/send";
  static final String UNSUBSCRIBE_URL = "https://leads.example.com/api/v1/webhooks/email/unsubscribe";
  static final String POSTAL_ADDRESS = "Acme & Sons, 1 Main St, Springfield, IL 62701, USA";

  private ProvidersAt() {}

  /** Twilio and SendGrid turned on, both sending to http://localhost:{port}; what every email needs. */
  static void port(DynamicPropertyRegistry properties, IntSupplier port) {
    properties.add("leadflow.twilio.account-sid", () -> ACCOUNT);
    properties.add("leadflow.twilio.auth-token", () -> "twilio-token");
    properties.add("leadflow.twilio.from-number", () -> "+12125550199");
    properties.add("leadflow.twilio.base-url", () -> "http://localhost:" + port.getAsInt());
    properties.add("leadflow.sendgrid.api-key", () -> "SG.test-key");
    properties.add("leadflow.sendgrid.from-email", () -> "ana@leadflow.test");
    properties.add("leadflow.sendgrid.host", () -> "localhost:" + port.getAsInt());
    properties.add("leadflow.sendgrid.plain-http", () -> "true");
    properties.add("leadflow.sendgrid.unsubscribe-url", () -> UNSUBSCRIBE_URL);
    properties.add("leadflow.compliance.postal-address", () -> POSTAL_ADDRESS);
  }

  /** A day-1 touch that quiet hours never hold: texts and calls may go at any hour. */
  static TouchRequest dayOneTouch(Lead lead, Channel channel) {
    return new TouchRequest(
        lead.id().toString(),
        "r1-d1",
        channel,
        channel == Channel.EMAIL ? "d3-value" : "d1-intro",
        channel == Channel.EMAIL
            ? null
            : new TouchRequest.QuietHoursCheck(new QuietHoursPolicy.Window(LocalTime.MIN, LocalTime.MAX), List.of("UTC")),
        "ana",
        null);
  }
}
