package io.leadflow.activities.outreach;

import io.leadflow.activities.consent.ContactPermission;
import io.leadflow.activities.consent.Permission;
import io.leadflow.activities.store.BoundedText;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.RepNoticeRepository;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.BlockedChannel;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.OutreachActivities;
import io.leadflow.workflows.QuietHours;
import io.leadflow.workflows.RepNotice;
import io.leadflow.workflows.Touch;
import io.leadflow.workflows.Touch.Outcome;
import io.leadflow.workflows.TouchRequest;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Reserve, check, send, record. The reservation (unique business key) makes a retried activity
 * find the earlier attempt: a touch already recorded is returned, never sent again. A touch
 * found SENDING means an attempt stopped while the provider was being called; it may have gone
 * out, so it is not repeated (at most once) and is recorded FAILED with that reason. A send
 * is marked SENDING only once it holds one of the provider's connections ({@link SendSlots}).
 */
@Component("outreachActivities")
class OutreachActivitiesImpl implements OutreachActivities {

  private static final int DETAIL_LENGTH = 500;

  /** Leaves most of the activity's 60 s to the send itself (a read timeout of 30 s). */
  private static final Duration CONNECTION_WAIT = Duration.ofSeconds(15);

  private final LeadRepository leads;
  private final TouchRepository touches;
  private final RepNoticeRepository notices;
  private final Suppressions suppressions;
  private final ContactPermission contactPermission;
  private final CallCaps callCaps;
  private final Senders senders;
  private final DryRunSender repNotifier;
  private final MessageTemplates templates;
  private final Clock clock;

  OutreachActivitiesImpl(
      LeadRepository leads,
      TouchRepository touches,
      RepNoticeRepository notices,
      Suppressions suppressions,
      ContactPermission contactPermission,
      CallCaps callCaps,
      Senders senders,
      DryRunSender repNotifier,
      MessageTemplates templates,
      Clock clock) {
    this.leads = leads;
    this.touches = touches;
    this.notices = notices;
    this.suppressions = suppressions;
    this.contactPermission = contactPermission;
    this.callCaps = callCaps;
    this.senders = senders;
    this.repNotifier = repNotifier;
    this.templates = templates;
    this.clock = clock;
  }

  @Override
  public Touch sendTouch(TouchRequest request) {
    // PostgreSQL keeps microseconds: a retry must read back exactly the Touch the first attempt made.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    // The workflow woke inside the window, but a retry may have drifted out of it.
    if (request.quietHours() != null && !QuietHours.of(request.quietHours()).allows(now)) {
      return touch(request, Outcome.DEFERRED_QUIET_HOURS, null, null, now);
    }
    Lead lead = find(request.leadId());
    String key = request.businessKey();
    touches.reserve(lead.id(), key, request.step(), request.channel().name(), request.template());
    TouchRecord existing = touches.findByBusinessKey(key).orElseThrow();
    if (existing.isSending()) {
      return record(request, Outcome.FAILED, null, null, now, "ambiguous: an earlier attempt stopped while calling the provider; not repeated");
    }
    if (!existing.isReserved()) {
      return existing.toTouch();
    }
    Permission permission =
        leads.stoppedSince(lead.id(), plannedAt(request, existing))
            ? Permission.refused("the lead replied or opted out after this touch was planned")
            : permissionToSend(lead, request.channel(), now);
    if (!permission.granted()) {
      return record(request, Outcome.SKIPPED, null, null, now, permission.refusal());
    }
    if (permission.consentId() != null) {
      touches.reliesOn(key, permission.consentId());
    }
    Sender sender = senders.forChannel(request.channel());
    MessageTemplates.Rendered rendered = templates.render(request, lead);
    if (rendered.templateVersion() != null) {
      touches.rendersTemplate(key, rendered.templateName(), rendered.templateVersion());
    }
    Message message = rendered.message();
    if (!sender.slots().take(CONNECTION_WAIT)) {
      throw ApplicationFailure.newFailure(
          sender.providerName() + " has no free connection: every one is carrying a send", "ProviderBusy");
    }
    try {
      if (touches.markSending(key) == 0) {
        // An earlier attempt, timed out while it waited for a connection, got there first.
        throw ApplicationFailure.newFailure("another attempt is sending this touch", "TouchInFlight");
      }
      String providerMessageId = sender.send(request, lead, message);
      return record(request, Outcome.SENT, sender.providerName(), providerMessageId, now, null);
    } catch (ProviderException refused) {
      return refused(request, lead, sender, refused, now);
    } finally {
      sender.slots().release();
    }
  }

  @Override
  public List<BlockedChannel> blockedChannels(String leadId) {
    Lead lead = find(leadId);
    return Stream.of(Channel.CALL, Channel.SMS, Channel.EMAIL)
        .map(channel -> new BlockedChannel(channel, contactPermission.check(lead, channel).refusal()))
        .filter(blocked -> blocked.why() != null)
        .toList();
  }

  @Override
  public void notifyRep(RepNotice notice) {
    Lead lead = find(notice.leadId());
    if (notices.claim(lead.id(), notice.businessKey(), notice.repId(), notice.kind()) == 1) {
      repNotifier.notifyRep(notice);
    }
  }

  /**
   * When the workflow decided on this send: the start of the workflow task that made the decision
   * (a reply arriving while that task ran, e.g. while it enriched and routed the lead, is not
   * seen by it), else the activity's first scheduling, or the reservation of an earlier attempt.
   * A provider outage or a backlog can start it minutes later.
   */
  private static Instant plannedAt(TouchRequest request, TouchRecord touch) {
    Instant scheduled = Instant.ofEpochMilli(Activity.getExecutionContext().getInfo().getScheduledTimestamp());
    Instant planned = scheduled.isBefore(touch.createdAt()) ? scheduled : touch.createdAt();
    return request.decidedAt() != null && request.decidedAt().isBefore(planned) ? request.decidedAt() : planned;
  }

  /** Why a cadence touch must not go out now; otherwise the permission it relies on. */
  private Permission permissionToSend(Lead lead, Channel channel, Instant now) {
    // The workflow stops the cadence on a reply; this catches a send it had already scheduled,
    // e.g. retried after a worker crash, once the stored lead says the conversation moved on.
    if (lead.status() == LeadStatus.ENGAGED || lead.status().isClosed()) {
      return Permission.refused("the lead is " + lead.status() + ": no more cadence touches");
    }
    Permission permission = contactPermission.check(lead, channel);
    Optional<String> capped = permission.granted() && channel == Channel.CALL ? callCaps.exceeded(lead, now) : Optional.empty();
    return capped.map(Permission::refused).orElse(permission);
  }

  /** What a provider's refusal means for this touch and for the lead's data. */
  private Touch refused(TouchRequest request, Lead lead, Sender sender, ProviderException refused, Instant now) {
    String detail = sender.providerName() + ": " + refused.getMessage();
    switch (refused.kind()) {
      case RETRYABLE -> {
        touches.revertToReserved(request.businessKey());
        throw ApplicationFailure.newFailureWithCauseAndDelay(
            detail, "ProviderUnavailable", null, refused.retryAfter());
      }
      case INVALID_ADDRESS -> {
        if (request.channel() == Channel.EMAIL) {
          suppressions.suppress(ContactKeys.of(lead.email(), null).email(), Channel.EMAIL.name(), detail, sender.providerName());
        } else {
          leads.markPhoneInvalid(lead.id());
        }
        return record(request, Outcome.SKIPPED, sender.providerName(), null, now, detail);
      }
      case OPTED_OUT -> {
        suppressions.suppress(
            ContactKeys.of(null, lead.phone()).phone(), request.channel().name(), detail, sender.providerName());
        return record(request, Outcome.SKIPPED, sender.providerName(), null, now, detail);
      }
      case AMBIGUOUS -> {
        return record(request, Outcome.FAILED, sender.providerName(), null, now, "ambiguous: " + detail + "; not repeated");
      }
      default -> {
        return record(request, Outcome.FAILED, sender.providerName(), null, now, detail);
      }
    }
  }

  private Touch record(
      TouchRequest request, Outcome outcome, String provider, String providerMessageId, Instant at, String detail) {
    touches.recordOutcome(
        request.businessKey(), provider, providerMessageId, outcome.name(), at, BoundedText.fit(detail, DETAIL_LENGTH));
    return touch(request, outcome, provider, providerMessageId, at);
  }

  private static Touch touch(TouchRequest request, Outcome outcome, String provider, String providerMessageId, Instant at) {
    return new Touch(request.step(), request.channel(), outcome, provider, providerMessageId, at);
  }

  private Lead find(String leadId) {
    return leads
        .findById(UUID.fromString(leadId))
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "Lead " + leadId + " is not in the lead store", "LeadNotFound"));
  }
}
