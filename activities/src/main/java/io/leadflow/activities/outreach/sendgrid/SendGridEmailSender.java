package io.leadflow.activities.outreach.sendgrid;

import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.ASM;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import io.leadflow.activities.consent.UnsubscribeTokens;
import io.leadflow.activities.outreach.EmailFooter;
import io.leadflow.activities.outreach.Message;
import io.leadflow.activities.outreach.ProviderException;
import io.leadflow.activities.outreach.ProviderException.Kind;
import io.leadflow.activities.outreach.SendSlots;
import io.leadflow.activities.outreach.Sender;
import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.TouchRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * Email through SendGrid Mail Send v3: plain text + HTML, custom args that let events and replies
 * find the lead and step, a per-lead reply-to, the unsubscribe group and RFC 8058 one-click
 * unsubscribe headers, whose link carries a signed, expiring token ({@link UnsubscribeTokens}),
 * never the bare lead id. The same link and the postal address are in the body ({@link EmailFooter})
 * whatever the template says, so the unsubscribe URL (https) and the address are required: without
 * them the worker does not start, rather than fail every email later. SendGrid answers a Response
 * for every status: each one is checked.
 */
class SendGridEmailSender implements Sender {

  private final SendGrid sendGrid;
  private final SendSlots slots;
  private final SendGridProperties properties;
  private final UnsubscribeTokens unsubscribe;
  private final EmailFooter footer;
  private final Clock clock;

  SendGridEmailSender(
      SendGrid sendGrid,
      SendSlots slots,
      SendGridProperties properties,
      UnsubscribeTokens unsubscribe,
      EmailFooter footer,
      Clock clock) {
    this.sendGrid = sendGrid;
    this.slots = slots;
    this.properties = properties;
    this.unsubscribe = unsubscribe;
    this.footer = footer;
    this.clock = clock;
    requireHttps(properties.unsubscribeUrl());
    unsubscribe.requireSecret("Email with one-click unsubscribe (leadflow.sendgrid.unsubscribe-url)");
    footer.requirePostalAddress("Email through SendGrid");
  }

  /** RFC 8058: the one-click link in List-Unsubscribe must be an HTTPS URI. */
  private static void requireHttps(String url) {
    URI uri;
    try {
      uri = url == null ? null : URI.create(url.strip());
    } catch (IllegalArgumentException malformed) {
      uri = null;
    }
    if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getQuery() != null) {
      throw new IllegalStateException(
          "Email through SendGrid needs leadflow.sendgrid.unsubscribe-url (LEADFLOW_SENDGRID_UNSUBSCRIBE_URL), the https"
              + " URL of the API's one-click unsubscribe without a query, e.g."
              + " https://leads.example.com/api/v1/webhooks/email/unsubscribe: every email carries it (RFC 8058, CAN-SPAM);"
              + " it is " + (url == null ? "not set" : "\"" + url + "\""));
    }
  }

  @Override
  public boolean handles(Channel channel) {
    return channel == Channel.EMAIL;
  }

  @Override
  public String providerName() {
    return "sendgrid";
  }

  @Override
  public SendSlots slots() {
    return slots;
  }

  @Override
  public String send(TouchRequest request, Lead lead, Message message) {
    Request call = new Request();
    call.setMethod(Method.POST);
    call.setEndpoint("mail/send");
    Response response;
    try {
      call.setBody(mail(request, lead, message, unsubscribeLink(lead)).build());
      response = sendGrid.api(call);
    } catch (ConnectException | ConnectTimeoutException notConnected) {
      // Nothing left this machine: safe to try again.
      throw new ProviderException(Kind.RETRYABLE, "SendGrid could not be reached: " + notConnected.getMessage(), null);
    } catch (IOException e) {
      throw new ProviderException(Kind.AMBIGUOUS, "no answer from SendGrid: " + e, null);
    }
    int status = response.getStatusCode();
    if (status >= 200 && status < 300) {
      return response.getHeaders().getOrDefault("X-Message-Id", "sendgrid:" + request.businessKey());
    }
    String detail = "SendGrid " + status + ": " + response.getBody();
    if (status == 429) {
      throw new ProviderException(Kind.RETRYABLE, detail, untilReset(response));
    }
    throw new ProviderException(status >= 500 ? Kind.RETRYABLE : Kind.PERMANENT, detail, null);
  }

  private Mail mail(TouchRequest request, Lead lead, Message rendered, String unsubscribeLink) {
    Message message = footer.addTo(rendered, unsubscribeLink);
    Mail mail = new Mail();
    mail.setFrom(new Email(properties.fromEmail(), properties.fromName()));
    mail.setSubject(message.subject());
    Personalization to = new Personalization();
    to.addTo(new Email(lead.email(), lead.name()));
    to.addCustomArg("lead_id", lead.id().toString());
    to.addCustomArg("step", request.step());
    to.addCustomArg("touch_key", request.businessKey());
    mail.addPersonalization(to);
    mail.addContent(new Content("text/plain", message.text()));
    if (message.html() != null) {
      mail.addContent(new Content("text/html", message.html()));
    }
    if (properties.replyDomain() != null) {
      mail.setReplyTo(new Email(properties.replyLocalPart() + "+" + lead.id() + "@" + properties.replyDomain()));
    }
    if (properties.unsubscribeGroupId() != null) {
      ASM asm = new ASM();
      asm.setGroupId(properties.unsubscribeGroupId());
      mail.setASM(asm);
    }
    mail.addHeader("List-Unsubscribe", "<" + unsubscribeLink + ">");
    mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    return mail;
  }

  /** The configured URL with a token for this lead's email, valid for the link lifetime from now. */
  private String unsubscribeLink(Lead lead) {
    String token = unsubscribe.issue(lead.id(), Channel.EMAIL, clock.instant());
    return properties.unsubscribeUrl().strip() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /** SendGrid's X-RateLimit-Reset is the epoch second the quota refills. */
  private static Duration untilReset(Response response) {
    String reset = response.getHeaders().get("X-RateLimit-Reset");
    if (reset == null) {
      return Duration.ofSeconds(30);
    }
    Duration wait = Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
    return wait.isNegative() ? Duration.ofSeconds(1) : wait;
  }
}
