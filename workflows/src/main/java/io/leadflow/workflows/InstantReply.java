package io.leadflow.workflows;

import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

/**
 * The first touch goes out at once: speed to lead is the whole point. By email when the lead gave
 * one, else by SMS. One the lead's quiet hours hold waits on its own, so the rep is alerted and
 * the SLA runs now; the cadence starts once it went out.
 */
final class InstantReply {

  /** Before this change a held instant reply also held the rep's alert and SLA until the lead's morning. */
  static final String REP_FIRST = "rep-alerted-while-the-lead-sleeps";

  private final Channel channel;
  private final LeadState state;
  private final TouchSender touchSender;
  private Promise<Void> held;

  InstantReply(NewLead lead, LeadState state, TouchSender touchSender) {
    this.channel = lead.email() != null ? Channel.EMAIL : Channel.SMS;
    this.state = state;
    this.touchSender = touchSender;
  }

  void send() {
    Runnable send = () -> touchSender.send(state.stepId("instant"), "Instant reply · " + channel, channel, "instant-reply");
    if (touchSender.heldNow(channel) && Workflow.getVersion(REP_FIRST, Workflow.DEFAULT_VERSION, 1) == 1) {
      held = Async.procedure(send::run);
    } else {
      send.run();
    }
  }

  /** Until a held instant reply went out, or gave way to a reply or a close. */
  void awaitHeld() {
    if (held != null) {
      held.get();
    }
  }
}
