package io.leadflow.workflows;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the workflow knows about its lead, in one object: what the {@code state} query
 * returns, and what a run continued-as-new into nurture starts from. The workflow changes it
 * only through the methods below; readers get unmodifiable views.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class LeadState {

  static final int GAVE_UP_KEPT = 20;
  /** Bounds for what is carried through continue-as-new however much the public repeats itself. */
  static final int SEEN_IDS_KEPT = 500;
  static final int ENGAGEMENTS_KEPT = 100;

  private String leadId;
  private LeadStatus status;
  private EnrichedLead enriched;
  private LeadScore score;
  private Assignment assignment;
  private String assignedRep;
  private Instant assignedAt;
  private Instant ackDeadline;
  private String acknowledgedBy;
  private Instant acknowledgedAt;
  private String nextTouch;
  private Instant nextTouchAt;
  private List<Touch> touches = new ArrayList<>();
  private List<Escalation> escalations = new ArrayList<>();

  @JsonDeserialize(as = LinkedHashSet.class)
  private Set<Channel> optedOut = new LinkedHashSet<>();
  // Found when the round was planned: suppressed by any run, no consent, no address.
  private List<BlockedChannel> blocked = new ArrayList<>();

  private String closedReason;
  private List<String> notes = new ArrayList<>();
  private int cadenceRound;
  private int nurtureTouches;

  @JsonDeserialize(as = LinkedHashSet.class)
  private Set<String> seenMessageIds = new LinkedHashSet<>();

  @JsonDeserialize(as = LinkedHashSet.class)
  private Set<String> seenEventIds = new LinkedHashSet<>();

  private List<EngagementEvent> engagements = new ArrayList<>();

  private List<StepGaveUp> gaveUp = new ArrayList<>();
  private int stepsGaveUp;

  private Instant meetingAt;
  // Not in the CRM yet, oldest first; the first one may be on its way.
  private List<CrmUpdate> crmPending = new ArrayList<>();
  private CrmLeadUpdate crmSynced;
  private CrmRecord crmRecord;

  private LeadState() {}

  /** A lead the workflow has not worked on yet. */
  static LeadState of(String leadId) {
    return of(leadId, 0);
  }

  /** A lead whose first round here is {@code firstRound} (a lead re-opened after a close). */
  static LeadState of(String leadId, int firstRound) {
    LeadState state = new LeadState();
    state.leadId = leadId;
    state.status = LeadStatus.NEW;
    state.cadenceRound = Math.max(0, firstRound - 1);
    return state;
  }

  public String leadId() { return leadId; }
  public LeadStatus status() { return status; }
  public EnrichedLead enriched() { return enriched; }
  public LeadScore score() { return score; }
  public Assignment assignment() { return assignment; }
  public String assignedRep() { return assignedRep; }
  /** When this round's assignment was made: cadence day 1 starts then. */
  public Instant assignedAt() { return assignedAt; }
  public Instant ackDeadline() { return ackDeadline; }
  public String acknowledgedBy() { return acknowledgedBy; }
  public Instant acknowledgedAt() { return acknowledgedAt; }
  public String nextTouch() { return nextTouch; }
  public Instant nextTouchAt() { return nextTouchAt; }
  public List<Touch> touches() { return Collections.unmodifiableList(touches); }
  public List<Escalation> escalations() { return Collections.unmodifiableList(escalations); }
  public Set<Channel> optedOut() { return Collections.unmodifiableSet(optedOut); }
  public List<BlockedChannel> blocked() { return Collections.unmodifiableList(blocked); }
  public String closedReason() { return closedReason; }
  public List<String> notes() { return Collections.unmodifiableList(notes); }
  public int cadenceRound() { return cadenceRound; }
  public int nurtureTouches() { return nurtureTouches; }
  public Set<String> seenMessageIds() { return Collections.unmodifiableSet(seenMessageIds); }
  public Set<String> seenEventIds() { return Collections.unmodifiableSet(seenEventIds); }
  public List<EngagementEvent> engagements() { return Collections.unmodifiableList(engagements); }
  /** The latest steps that gave up ({@link #GAVE_UP_KEPT} at most); {@link #stepsGaveUp} counts them all. */
  public List<StepGaveUp> gaveUp() { return Collections.unmodifiableList(gaveUp); }
  public int stepsGaveUp() { return stepsGaveUp; }
  /** The booked meeting's start; null when none is booked. */
  public Instant meetingAt() { return meetingAt; }
  public List<CrmUpdate> crmPending() { return Collections.unmodifiableList(crmPending); }
  /** The lead's record in the CRM, once synced. */
  public CrmRecord crmRecord() { return crmRecord; }

  void moveTo(LeadStatus next) {
    status = next;
  }

  void enriched(EnrichedLead lead) {
    enriched = lead;
  }

  void scored(LeadScore newScore) {
    score = newScore;
  }

  /** A new owner for a new round of work: nobody has acknowledged it yet. */
  void assigned(Assignment newAssignment, Instant at) {
    assignment = newAssignment;
    assignedRep = newAssignment.repId();
    assignedAt = at;
    acknowledgedBy = null;
    acknowledgedAt = null;
  }

  /** A better-suited team took over (a tier upgrade); the owner changes by {@link #reassigned}. */
  void upgradedTo(Assignment newAssignment) {
    assignment = newAssignment;
  }

  void reassigned(Escalation escalation) {
    escalations.add(escalation);
    assignedRep = escalation.toRep();
  }

  /** Rejects an acknowledgement by anyone but the current assignee, and any after the first. */
  void checkCanAcknowledge(String repId) {
    if (status.isClosed()) {
      throw new IllegalStateException("The lead is closed (" + status + "): nothing to acknowledge");
    }
    if (acknowledgedBy != null) {
      throw new IllegalStateException("Already acknowledged by " + acknowledgedBy + " at " + acknowledgedAt);
    }
    if (assignedRep == null) {
      throw new IllegalStateException("The lead is not assigned to anyone yet");
    }
    if (!assignedRep.equals(repId)) {
      throw new IllegalArgumentException(repId + " is not the current assignee (" + assignedRep + ")");
    }
  }

  void acknowledged(String repId, Instant at) {
    acknowledgedBy = repId;
    acknowledgedAt = at;
    ackDeadline = null;
  }

  void ackDue(Instant deadline) {
    ackDeadline = deadline;
  }

  void nextTouch(String label, Instant at) {
    nextTouch = label;
    nextTouchAt = at;
  }

  void touched(Touch touch) {
    touches.add(touch);
  }

  void note(String note) {
    notes.add(note);
  }

  /** Adds a note not already there (a note about the lead's data repeats in every run). */
  void noteOnce(String note) {
    if (note != null && !notes.contains(note)) {
      notes.add(note);
    }
  }

  boolean optOut(Channel channel) {
    return optedOut.add(channel);
  }

  boolean optIn(Channel channel) {
    boolean wasBlocked = blocked.removeIf(found -> found.channel() == channel);
    return optedOut.remove(channel) || wasBlocked;
  }

  /** What the round's plan found; each reason is noted once, so the lead says why it was not contacted. */
  void blocked(List<BlockedChannel> found) {
    blocked = new ArrayList<>(found);
    found.forEach(channel -> noteOnce("Not contacted by " + channel.channel() + ": " + channel.why()));
  }

  boolean mayContact(Channel channel) {
    return !optedOut.contains(channel) && blocked.stream().noneMatch(found -> found.channel() == channel);
  }

  void meetingBooked(Instant at) {
    meetingAt = at;
  }

  /** A booked meeting was cancelled before it started: the lead is open again, with {@code status}. */
  void reopened(LeadStatus next, String note) {
    status = next;
    closedReason = null;
    meetingAt = null;
    notes.add(note);
  }

  /**
   * Queues a change for the CRM. A record that says what the last synced one said is dropped, and
   * one queued behind another record waiting (not on its way) replaces it: however often the lead
   * changes while the CRM is slow, the queue holds one record between touches.
   */
  void crmQueued(CrmUpdate update) {
    if (update.lead() != null) {
      CrmLeadUpdate latest = crmPending.stream().map(CrmUpdate::lead).filter(Objects::nonNull).reduce((a, b) -> b).orElse(crmSynced);
      if (update.lead().equals(latest)) {
        return;
      }
      int last = crmPending.size() - 1;
      if (last > 0 && crmPending.get(last).lead() != null) {
        crmPending.set(last, update);
        return;
      }
    }
    crmPending.add(update);
  }

  /** The oldest queued change reached the CRM, or gave up (recorded): the next one goes. */
  void crmDone(CrmRecord record) {
    CrmUpdate done = crmPending.remove(0);
    if (record != null) {
      crmRecord = record;
      if (done.lead() != null) {
        crmSynced = done.lead();
      }
    }
  }

  void closed(LeadStatus closing, String reason) {
    status = closing;
    closedReason = reason;
    nextTouch(null, null);
    ackDeadline = null;
  }

  /** A step's id in this round ({@code r1-d3}): part of each touch's business key. */
  String stepId(String step) {
    return "r" + cadenceRound + "-" + step;
  }

  int startCadenceRound() {
    return ++cadenceRound;
  }

  int nurtureTouched() {
    return ++nurtureTouches;
  }

  /** False for a message id seen before: a redelivered reply. */
  boolean firstSight(Reply reply) {
    return reply.messageId() == null || remember(seenMessageIds, reply.messageId());
  }

  /** False for an event id seen before: a redelivered engagement. */
  boolean firstSight(EngagementEvent event) {
    return remember(seenEventIds, event.eventId());
  }

  void gaveUp(StepGaveUp step) {
    stepsGaveUp++;
    gaveUp.add(step);
    if (gaveUp.size() > GAVE_UP_KEPT) {
      gaveUp.remove(0);
    }
  }

  /** The latest {@link #ENGAGEMENTS_KEPT}: scoring counts a few of each kind anyway. */
  void engaged(EngagementEvent event) {
    engagements.add(event);
    if (engagements.size() > ENGAGEMENTS_KEPT) {
      engagements.remove(0);
    }
  }

  /** Adds an id to a set that forgets its oldest beyond {@link #SEEN_IDS_KEPT}; false when already there. */
  private static boolean remember(Set<String> seen, String id) {
    if (!seen.add(id)) {
      return false;
    }
    if (seen.size() > SEEN_IDS_KEPT) {
      seen.remove(seen.iterator().next());
    }
    return true;
  }
}
