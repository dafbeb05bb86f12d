package io.leadflow.api.leads;

import io.leadflow.activities.consent.StoredConsent;
import io.leadflow.activities.store.CaptureAttribute;
import io.leadflow.activities.store.CaptureRecord;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.api.queries.LeadStateQueries.Unanswered;
import io.leadflow.workflows.BlockedChannel;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.CrmRecord;
import io.leadflow.workflows.Escalation;
import io.leadflow.workflows.LeadState;
import io.leadflow.workflows.StepGaveUp;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.Tier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A stored lead with its captures and touches, and what its workflow is doing right now. The
 * score is as of {@code scoredAt}: a silent lead is re-scored (its intent decaying) once per
 * nurture round, not continuously. {@code stepsGaveUp}: steps that failed for good while the lead
 * carried on (docs/reliability.md). {@code consents}: what the person agreed to, per channel; a
 * touch names the consent it relied on, and {@code live.notContactedBy} says why a channel is not
 * used this round (suppressed, no consent, no address). {@code liveUnavailable} says why
 * {@code live} is null: {@code WORKFLOW_NOT_FOUND} (Temporal keeps no history of the lead, e.g.
 * deleted after the namespace's retention: the stored fields are its record) or {@code NO_ANSWER}.
 * {@code firstTouchCapture}: the capture that made the lead; {@code lastTouchCapture}: its latest
 * capture at or before its first meeting was booked, or its latest capture (as the funnel report
 * attributes, docs/capture.md).
 */
record LeadView(
    UUID id,
    String name,
    String firstName,
    String lastName,
    String email,
    String phone,
    String source,
    String interest,
    String title,
    String company,
    Integer companySize,
    String timeline,
    String country,
    String website,
    LeadStatus status,
    Integer score,
    Tier tier,
    List<String> scoreBreakdown,
    Instant scoredAt,
    String assignedRep,
    Enrichment enrichment,
    Routing routing,
    Instant createdAt,
    Instant updatedAt,
    List<CaptureView> captures,
    CaptureView firstTouchCapture,
    CaptureView lastTouchCapture,
    List<TouchView> touches,
    List<StepGaveUp> stepsGaveUp,
    List<StoredConsent> consents,
    Live live,
    Unanswered liveUnavailable) {

  /** What enrichment learned (null until it ran). */
  record Enrichment(
      String emailKind,
      String companyDomain,
      String accountId,
      String accountName,
      String companyName,
      String industry,
      Integer employees,
      String phoneE164,
      String country,
      String region,
      List<String> timeZones,
      String role,
      String seniority,
      boolean student,
      boolean jobSeeker,
      boolean partial,
      boolean vendorFailed,
      List<String> notes,
      Instant enrichedAt) {}

  /** The current routing decision and why, in words (null until routed). */
  record Routing(
      String repId, String backupRepId, String managerId, String stage, String territoryId, String reason, Instant routedAt) {}

  /**
   * {@code captureId}: the id the capture's answer gave its sender (null for captures stored before
   * it existed). {@code utm} and {@code attribution} are null when the capture carried none.
   * {@code message}: the person's text; {@code attributes}: the capture's custom fields, name to
   * value in the order sent.
   */
  record CaptureView(
      UUID captureId,
      String source,
      String interest,
      CaptureRecord.Utm utm,
      CaptureRecord.Attribution attribution,
      boolean joined,
      boolean coalesced,
      Instant at,
      String message,
      Map<String, String> attributes) {

    static CaptureView of(CaptureRecord capture, List<CaptureAttribute> custom) {
      Map<String, String> attributes = new LinkedHashMap<>();
      custom.forEach(attribute -> attributes.put(attribute.name(), attribute.value()));
      return new CaptureView(
          capture.receiptId(), capture.source(), capture.interest(), capture.utm(), capture.attribution(),
          capture.joined(), capture.coalesced(), capture.createdAt(), capture.message(), attributes);
    }
  }

  record TouchView(
      String step,
      Channel channel,
      String provider,
      String providerMessageId,
      String outcome,
      String detail,
      Long consentId,
      Instant sentAt) {}

  /**
   * From the workflow's state query; null when it could not be asked just now. {@code crm}: the
   * lead's record in the team's CRM once synced; {@code crmPending}: changes still on their way to it.
   */
  record Live(
      String nextTouch,
      Instant nextTouchAt,
      Instant ackDeadline,
      String acknowledgedBy,
      List<Escalation> escalations,
      Set<Channel> optedOut,
      List<BlockedChannel> notContactedBy,
      List<String> notes,
      Instant meetingAt,
      CrmRecord crm,
      int crmPending) {

    static Live of(LeadState state) {
      return new Live(
          state.nextTouch(),
          state.nextTouchAt(),
          state.ackDeadline(),
          state.acknowledgedBy(),
          state.escalations(),
          state.optedOut(),
          state.blocked(),
          state.notes(),
          state.meetingAt(),
          state.crmRecord(),
          state.crmPending().size());
    }
  }

  static LeadView of(
      Lead lead,
      Enrichment enrichment,
      Routing routing,
      List<CaptureRecord> captures,
      Map<Long, List<CaptureAttribute>> attributes,
      CaptureRecord firstTouchCapture,
      CaptureRecord lastTouchCapture,
      List<TouchRecord> touches,
      List<StepGaveUp> stepsGaveUp,
      List<StoredConsent> consents,
      Live live,
      Unanswered liveUnavailable) {
    return new LeadView(
        lead.id(),
        lead.name(),
        lead.firstName(),
        lead.lastName(),
        lead.email(),
        lead.phone(),
        lead.source(),
        lead.interest(),
        lead.title(),
        lead.company(),
        lead.companySize(),
        lead.timeline(),
        lead.country(),
        lead.website(),
        lead.status(),
        lead.score(),
        lead.tier(),
        lead.scoreBreakdown(),
        lead.scoredAt(),
        lead.assignedRep(),
        enrichment,
        routing,
        lead.createdAt(),
        lead.updatedAt(),
        captures.stream().map(c -> CaptureView.of(c, attributes.getOrDefault(c.id(), List.of()))).toList(),
        firstTouchCapture == null ? null : CaptureView.of(firstTouchCapture, attributes.getOrDefault(firstTouchCapture.id(), List.of())),
        lastTouchCapture == null ? null : CaptureView.of(lastTouchCapture, attributes.getOrDefault(lastTouchCapture.id(), List.of())),
        touches.stream()
            .map(
                t ->
                    new TouchView(
                        t.step(), t.channel(), t.provider(), t.providerMessageId(), t.outcome(), t.detail(),
                        t.consentId(), t.sentAt()))
            .toList(),
        stepsGaveUp,
        consents,
        live,
        liveUnavailable);
  }
}
