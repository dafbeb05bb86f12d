package io.leadflow.activities.outreach;

import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.OutreachActivities;
import io.leadflow.workflows.Touch;
import io.leadflow.workflows.TouchRequest;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reserve, send, record. The reservation (unique business key) is what makes a retried activity
 * find the earlier send instead of sending again.
 */
@Component("outreachActivities")
class OutreachActivitiesImpl implements OutreachActivities {

  static final String SENT = "SENT";

  private final LeadRepository leads;
  private final TouchRepository touches;
  private final OutreachChannel channel;

  OutreachActivitiesImpl(LeadRepository leads, TouchRepository touches, OutreachChannel channel) {
    this.leads = leads;
    this.touches = touches;
    this.channel = channel;
  }

  @Override
  public Touch sendTouch(TouchRequest request) {
    UUID leadId = UUID.fromString(request.leadId());
    Lead lead =
        leads
            .findById(leadId)
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "Lead " + leadId + " is not in the lead store", "LeadNotFound"));

    touches.reserve(leadId, request.businessKey(), request.step(), request.channel().name());
    TouchRecord existing = touches.findByBusinessKey(request.businessKey()).orElseThrow();
    if (!existing.isReserved()) {
      return toTouch(existing);
    }
    String providerMessageId = channel.send(request, lead);
    touches.recordSent(request.businessKey(), channel.providerName(), providerMessageId, SENT);
    return new Touch(request.step(), request.channel(), channel.providerName(), providerMessageId);
  }

  private static Touch toTouch(TouchRecord record) {
    return new Touch(record.step(), record.channel(), record.provider(), record.providerMessageId());
  }
}
