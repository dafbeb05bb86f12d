package io.leadflow.api.leads;

import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.Tier;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored lead with its touches, as the API shows it. */
record LeadView(
    UUID id,
    String name,
    String email,
    String phone,
    String source,
    String interest,
    LeadStatus status,
    Integer score,
    Tier tier,
    List<String> scoreBreakdown,
    String assignedRep,
    Instant createdAt,
    Instant updatedAt,
    List<TouchView> touches) {

  record TouchView(
      String step,
      Channel channel,
      String provider,
      String providerMessageId,
      String outcome,
      Instant sentAt) {}

  static LeadView of(Lead lead, List<TouchRecord> touches) {
    return new LeadView(
        lead.id(),
        lead.name(),
        lead.email(),
        lead.phone(),
        lead.source(),
        lead.interest(),
        lead.status(),
        lead.score(),
        lead.tier(),
        lead.scoreBreakdown(),
        lead.assignedRep(),
        lead.createdAt(),
        lead.updatedAt(),
        touches.stream()
            .map(
                t ->
                    new TouchView(
                        t.step(), t.channel(), t.provider(), t.providerMessageId(), t.outcome(), t.sentAt()))
            .toList());
  }
}
