package io.leadflow.workflows;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the lead said that the main flow has not acted on yet: a reply or a request to close
 * (opt-out of every channel, disqualification, booked meeting) ends the active sequence at once;
 * engagement events wait to be scored. Signal handlers put them here, the stages take them.
 */
final class Interruptions {

  private final LeadState state;
  private Reply reply;
  private LeadStatus closing;
  private String closingReason;
  private final Deque<EngagementEvent> engagements = new ArrayDeque<>();

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

  void engagement(EngagementEvent event) {
    if (state.firstSight(event) && !state.status().isClosed()) {
      engagements.add(event);
    }
  }

  boolean engagementsPending() {
    return !engagements.isEmpty();
  }

  /** The oldest engagement not scored yet; null when there is none. */
  EngagementEvent takeEngagement() {
    return engagements.poll();
  }
}
