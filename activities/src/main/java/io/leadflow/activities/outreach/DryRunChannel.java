package io.leadflow.activities.outreach;

import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.RepNotice;
import io.leadflow.workflows.TouchRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The default channel while no provider credentials are configured: logs instead of sending. */
@Component
class DryRunChannel implements OutreachChannel {

  private static final Logger log = LoggerFactory.getLogger(DryRunChannel.class);

  @Override
  public String providerName() {
    return "dry-run";
  }

  @Override
  public String send(TouchRequest request, Lead lead) {
    // Contact details stay out of INFO logs; the lead id is enough to find the lead.
    log.info(
        "DRY-RUN {} to lead {} for step {} (template {})",
        request.channel(), lead.id(), request.step(), request.template());
    return "dry-run:" + request.businessKey();
  }

  @Override
  public void notifyRep(RepNotice notice) {
    log.info("DRY-RUN notice to rep {} about lead {}: {}", notice.repId(), notice.leadId(), notice.kind());
  }
}
