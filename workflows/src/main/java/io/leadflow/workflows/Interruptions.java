package io.leadflow.workflows;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the lead said that the main flow has not acted on yet: a reply or a request to close
 * (opt-out of every channel, disqualification, booked meeting, conversion in the CRM) ends the
 * active sequence at once; engagement events wait to be scored and a reassignment to be applied.
 * Signal handlers put them here, the stages take them.
 */
final class Interruptions {

  private final LeadState state;
  private Reply reply;
  private LeadStatus closing;
  private String closingReason;
  private final Deque<EngagementEvent> engagements = new ArrayDeque<>();
  private Reassignment reassignment;
  private boolean meetingCancelled;

  Interruptions(LeadState state) {
    this.state = state;
  }

  /** The lead said something that ends the active sequence. */
  boolean interrupted() {
    return closeRequested() || replyPending();
  }

  boolean closeRequested() {
    return closing != null;
  }

  boolean replyPending() {
    return reply != null;
  }

  void reply(Reply message) {
    if (!state.firstSight(message)) {
      return;
    }
    if (state.status().isClosed() || state.status() == LeadStatus.ENGAGED || reply != null) {
      return;
    }
    reply = message;
  }

  Reply takeReply() {
    Reply taken = reply;
    reply = null;
    return taken;
  }

  void requestClose(LeadStatus status, String reason) {
    if (closing == null && !state.status().isClosed()) {
      closing = status;
      closingReason = reason;
    }
  }

  /** Closes the lead as requested. */
  void close() {
    state.closed(closing, closingReason);
  }

  /** A booking, or a new time for the booked meeting (rescheduled while it waits). */
  void meetingBooked(Instant at) {
    if (state.status() == LeadStatus.MEETING_BOOKED
        || !state.status().isClosed() && (closing == null || closing == LeadStatus.MEETING_BOOKED)) {
      state.meetingBooked(at);
      meetingCancelled = false;
    }
    requestClose(LeadStatus.MEETING_BOOKED, "Meeting booked for " + at);
  }

  /** Only the cancellation of the meeting booked counts. */
  void meetingCanceled(Instant at) {
    if (at != null && at.equals(state.meetingAt())) {
      meetingCancelled = true;
    }
  }

  boolean meetingCancelled() {
    return meetingCancelled;
  }

  /** The lead is open again after its meeting was cancelled: nothing is closing any more. */
  void reopened() {
    closing = null;
    closingReason = null;
    meetingCancelled = false;
  }

  void reassign(Reassignment to) {
    if (!state.status().isClosed()) {
      reassignment = to;
    }
  }

  /** The latest reassignment not applied yet; null when there is none. */
  Reassignment takeReassignment() {
    Reassignment taken = reassignment;
    reassignment = null;
    return taken;
  }

  void engagement(EngagementEvent event) {
    if (state.firstSight(event) && !state.status().isClosed()) {
      engagements.add(event);
    }
  }

  /** Something to apply while the lead waits: engagements to score, a reassignment. */
  boolean updatesPending() {
    return !engagements.isEmpty() || reassignment != null;
  }

  /** The oldest engagement not scored yet; null when there is none. */
  EngagementEvent takeEngagement() {
    return engagements.poll();
  }
}
