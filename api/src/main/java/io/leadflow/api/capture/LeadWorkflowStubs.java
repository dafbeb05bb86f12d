package io.leadflow.api.capture;

import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;

/** A stub that starts a lead's workflow: its fixed id, the task queue and what the Temporal UI shows. */
@Component
class LeadWorkflowStubs {

  private final WorkflowClient temporal;

  LeadWorkflowStubs(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  LeadWorkflow of(Lead lead, WorkflowIdReusePolicy reuse) {
    return temporal.newWorkflowStub(
        LeadWorkflow.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(LeadWorkflows.TASK_QUEUE)
            .setWorkflowId(LeadWorkflows.idFor(lead.id().toString()))
            .setWorkflowIdReusePolicy(reuse)
            .setStaticSummary(WorkflowSummary.summaryOf(lead.source(), lead.interest()))
            .setStaticDetails(WorkflowSummary.detailsOf(lead.id(), lead.source()))
            .build());
  }
}
