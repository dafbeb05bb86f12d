package io.leadflow.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Instant;

/**
 * One durable workflow per lead, id {@link LeadWorkflows#idFor(String)}. Every message is
 * idempotent: a repeated or late one never acts twice.
 */
@WorkflowInterface
public interface LeadWorkflow {

  @WorkflowMethod
  void run(LeadInput input);

  /** The assigned rep takes the lead; rejected for anyone else, or once acknowledged or closed. */
  @UpdateMethod
  AckResult acknowledge(String repId);

  @UpdateValidatorMethod(updateName = "acknowledge")
  void validateAcknowledge(String repId);

  /** The lead answered: the cadence stops at once and the rep is told. */
  @SignalMethod
  void reply(Reply reply);

  @SignalMethod
  void optOut(OptOut optOut);

  /** The lead opted back in to a channel (e.g. texted START): touches on it resume. */
  @SignalMethod
  void optIn(Channel channel);

  @SignalMethod
  void disqualify(String reason);

  /** The lead booked a meeting starting {@code at}: the cadence stops and the rep is told. */
  @SignalMethod
  void meetingBooked(Instant at);

  /**
   * The lead cancelled the meeting booked for {@code at} before it started: the lead is back in
   * follow-up with its rep. A cancellation of any other meeting, or after it started, changes nothing.
   */
  @SignalMethod
  void meetingCanceled(Instant at);

  /** Someone gave the lead to another rep (the CRM's owner changed): the new rep is told. */
  @SignalMethod
  void reassign(Reassignment reassignment);

  /** The CRM took the lead over (it became an opportunity or a customer): LeadFlow stops working it. */
  @SignalMethod
  void convert(String reason);

  /** Re-scores the lead; a tier upgrade can re-route it or bring it back from nurture. */
  @SignalMethod
  void engagement(EngagementEvent event);

  @QueryMethod
  LeadState state();
}
