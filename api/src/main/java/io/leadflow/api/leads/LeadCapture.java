package io.leadflow.api.leads;

import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Stores a lead first (nothing accepted is ever only in memory), then starts its workflow. */
@Service
class LeadCapture {

  private final LeadRepository leads;
  private final WorkflowClient temporal;
  private final Clock clock;

  LeadCapture(LeadRepository leads, WorkflowClient temporal) {
    this.leads = leads;
    this.temporal = temporal;
    this.clock = Clock.systemUTC();
  }

  CapturedLead capture(CaptureLeadRequest request) {
    Lead lead =
        leads.save(
            Lead.received(
                request.name().strip(),
                blankToNull(request.email()),
                blankToNull(request.phone()),
                request.source().strip(),
                request.interest().strip(),
                clock.instant()));
    String workflowId = LeadWorkflows.idFor(lead.id().toString());
    LeadWorkflow workflow =
        temporal.newWorkflowStub(
            LeadWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(LeadWorkflows.TASK_QUEUE)
                .setWorkflowId(workflowId)
                .build());
    WorkflowClient.start(workflow::run, lead.toNewLead());
    return new CapturedLead(lead.id(), workflowId, lead.status());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
