package io.leadflow.api.webhooks;

import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.leadflow.workflows.OptOut;
import io.leadflow.workflows.Reassignment;
import io.leadflow.workflows.Reply;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What inbound messages tell a lead's workflow. A lead whose workflow has ended has nothing to
 * stop; that is not an error (the suppression list still protects it).
 */
@Component
class LeadSignals {

  private final WorkflowClient temporal;
  private final LeadRepository leads;

  LeadSignals(WorkflowClient temporal, LeadRepository leads) {
    this.temporal = temporal;
    this.leads = leads;
  }

  void reply(UUID leadId, Channel channel, String body, String messageId) {
    leads.markStopped(leadId);
    send(leadId, workflow -> workflow.reply(new Reply(channel, body, messageId)));
  }

  void optOut(UUID leadId, Channel channel) {
    if (channel == null) {
      leads.markStopped(leadId);
    }
    send(leadId, workflow -> workflow.optOut(new OptOut(channel)));
  }

  void optIn(UUID leadId, Channel channel) {
    send(leadId, workflow -> workflow.optIn(channel));
  }

  void reassign(UUID leadId, Reassignment reassignment) {
    send(leadId, workflow -> workflow.reassign(reassignment));
  }

  void convert(UUID leadId, String reason) {
    send(leadId, workflow -> workflow.convert(reason));
  }

  /** False when the lead's workflow has ended (a closed lead): there was nothing to tell. */
  boolean meetingBooked(UUID leadId, java.time.Instant at) {
    return sendOnceStarted(leadId, workflow -> workflow.meetingBooked(at));
  }

  /** False when the lead's workflow has ended (a closed lead): there was nothing to tell. */
  boolean meetingCanceled(UUID leadId, java.time.Instant at) {
    return sendOnceStarted(leadId, workflow -> workflow.meetingCanceled(at));
  }

  /**
   * A lead captured a moment ago may not have its workflow yet (the capture relay starts it off
   * the request thread): that fails, so the caller's retry delivers the signal once it has.
   */
  private boolean sendOnceStarted(UUID leadId, java.util.function.Consumer<LeadWorkflow> signal) {
    try {
      signal.accept(stub(leadId));
      return true;
    } catch (WorkflowNotFoundException notRunning) {
      if (leads.findById(leadId).map(lead -> lead.status().isClosed()).orElse(true)) {
        return false;
      }
      throw new IllegalStateException("The workflow of lead " + leadId + " has not started yet", notRunning);
    }
  }

  private LeadWorkflow stub(UUID leadId) {
    return temporal.newWorkflowStub(LeadWorkflow.class, LeadWorkflows.idFor(leadId.toString()));
  }

  private void send(UUID leadId, java.util.function.Consumer<LeadWorkflow> signal) {
    try {
      signal.accept(stub(leadId));
    } catch (WorkflowNotFoundException ended) {
      // the lead's workflow has completed: nothing left to stop or resume
    }
  }
}
