package io.leadflow.activities.outreach;

import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.RepNoticeRepository;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.OutreachActivities;
import io.leadflow.workflows.QuietHours;
import io.leadflow.workflows.RepNotice;
import io.leadflow.workflows.Touch;
import io.leadflow.workflows.Touch.Outcome;
import io.leadflow.workflows.TouchRequest;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reserve, send, record. The reservation (unique business key) is what makes a retried activity
 * find the earlier send instead of sending again.
 */
@Component("outreachActivities")
class OutreachActivitiesImpl implements OutreachActivities {

  private final LeadRepository leads;
  private final TouchRepository touches;
  private final RepNoticeRepository notices;
  private final OutreachChannel channel;
  private final Clock clock;

  OutreachActivitiesImpl(
      LeadRepository leads,
      TouchRepository touches,
      RepNoticeRepository notices,
      OutreachChannel channel,
      Clock clock) {
    this.leads = leads;
    this.touches = touches;
    this.notices = notices;
    this.channel = channel;
    this.clock = clock;
  }

  @Override
  public Touch sendTouch(TouchRequest request) {
    Instant now = clock.instant();
    // The workflow woke inside the window, but a retry may have drifted out of it.
    if (request.quietHours() != null && !QuietHours.of(request.quietHours()).allows(now)) {
      return new Touch(request.step(), request.channel(), Outcome.DEFERRED_QUIET_HOURS, null, null, now);
    }
    Lead lead = find(request.leadId());
    touches.reserve(lead.id(), request.businessKey(), request.step(), request.channel().name());
    TouchRecord existing = touches.findByBusinessKey(request.businessKey()).orElseThrow();
    if (!existing.isReserved()) {
      return existing.toTouch();
    }
    if (!reachable(lead, request.channel())) {
      touches.recordOutcome(request.businessKey(), null, null, Outcome.SKIPPED.name(), now);
      return new Touch(request.step(), request.channel(), Outcome.SKIPPED, null, null, now);
    }
    String providerMessageId = channel.send(request, lead);
    touches.recordOutcome(
        request.businessKey(), channel.providerName(), providerMessageId, Outcome.SENT.name(), now);
    return new Touch(request.step(), request.channel(), Outcome.SENT, channel.providerName(), providerMessageId, now);
  }

  @Override
  public void notifyRep(RepNotice notice) {
    Lead lead = find(notice.leadId());
    if (notices.claim(lead.id(), notice.businessKey(), notice.repId(), notice.kind()) == 1) {
      channel.notifyRep(notice);
    }
  }

  private Lead find(String leadId) {
    return leads
        .findById(UUID.fromString(leadId))
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "Lead " + leadId + " is not in the lead store", "LeadNotFound"));
  }

  private static boolean reachable(Lead lead, Channel channel) {
    return switch (channel) {
      case CALL, SMS -> lead.phone() != null;
      case EMAIL -> lead.email() != null;
      case TASK -> true;
    };
  }
}
