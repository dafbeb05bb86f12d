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
 * notices and rep tasks. Logs instead of sending; the touch is recorded like a real one.
 */
@Component
class DryRunSender implements Sender {

  /** The logger keeps the name its lines have always carried (docs/operations.md shows them). */
  private static final Logger log = LoggerFactory.getLogger("io.leadflow.activities.outreach.DryRunChannel");

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
    // Contact details and message bodies stay out of INFO logs; the lead id finds the lead.
    log.info(
        "DRY-RUN {} to lead {} for step {} (template {})",
        request.channel(), lead.id(), request.step(), request.template());
    return "dry-run:" + request.businessKey();
  }

  void notifyRep(RepNotice notice) {
    log.info("DRY-RUN notice to rep {} about lead {}: {}", notice.repId(), notice.leadId(), notice.kind());
  }
}
