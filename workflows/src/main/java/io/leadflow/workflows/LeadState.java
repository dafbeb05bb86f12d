package io.leadflow.workflows;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything an operator needs to know about a lead's workflow; what the {@code state} query
 * returns, and what a run continued-as-new into nurture starts from.
 */
public record LeadState(
    String leadId,
    LeadStatus status,
    EnrichedLead enriched,
    LeadScore score,
    Assignment assignment,
    String assignedRep,
    Instant ackDeadline,
    String acknowledgedBy,
    Instant acknowledgedAt,
    String nextTouch,
    Instant nextTouchAt,
    List<Touch> touches,
    List<Escalation> escalations,
    Set<Channel> optedOut,
    String closedReason,
    List<String> notes,
    int cadenceRound,
    int nurtureTouches,
    Set<String> seenMessageIds,
    Set<String> seenEventIds,
    List<EngagementEvent> engagements) {

  public LeadState {
    touches = List.copyOf(touches);
    escalations = List.copyOf(escalations);
    optedOut = Set.copyOf(optedOut);
    notes = List.copyOf(notes);
    seenMessageIds = Set.copyOf(seenMessageIds);
    seenEventIds = Set.copyOf(seenEventIds);
    engagements = List.copyOf(engagements);
  }
}
