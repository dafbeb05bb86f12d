package io.leadflow.activities.outreach;

import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.RepNotice;
import io.leadflow.workflows.TouchRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sender of last resort: used for every channel no provider is configured for, and for rep
 * notices and rep tasks. Logs instead of sending; the touch is recorded like a real one. A text
 * or an email is logged as it would be sent: with the opt-out hint of a first text, with the
 * email footer (the unsubscribe link stands for the signed one SendGrid's sender puts there).
 */
@Component
class DryRunSender implements Sender {

  /** The logger keeps the name its lines have always carried (docs/operations.md shows them). */
  private static final Logger log = LoggerFactory.getLogger("io.leadflow.activities.outreach.DryRunChannel");

  static final String UNSUBSCRIBE_LINK = "https://<leadflow.sendgrid.unsubscribe-url>?token=<signed for this email>";

  private final EmailFooter emailFooter;
  private final SmsOptOutHint smsOptOutHint;

  DryRunSender(EmailFooter emailFooter, SmsOptOutHint smsOptOutHint) {
    this.emailFooter = emailFooter;
    this.smsOptOutHint = smsOptOutHint;
  }

  @Override
  public boolean handles(Channel channel) {
    return true;
  }

  @Override
  public String providerName() {
    return "dry-run";
  }

  @Override
  public String send(TouchRequest request, Lead lead, Message message) {
    // Contact details stay out of the logs; the lead id finds the lead.
    log.info(
        "DRY-RUN {} to lead {} for step {} (template {})",
        request.channel(), lead.id(), request.step(), request.template());
    if (request.channel() == Channel.EMAIL) {
      Message email = emailFooter.addTo(message, UNSUBSCRIBE_LINK);
      log.info("DRY-RUN email as sent:\nSubject: {}\n{}\n--- HTML ---\n{}", email.subject(), email.text(), email.html());
    } else if (request.channel() == Channel.SMS) {
      log.info("DRY-RUN text as sent: {}", smsOptOutHint.addTo(message, lead, providerName()).text());
    }
    return "dry-run:" + request.businessKey();
  }

  void notifyRep(RepNotice notice) {
    log.info("DRY-RUN notice to rep {} about lead {}: {}", notice.repId(), notice.leadId(), notice.kind());
  }
}
