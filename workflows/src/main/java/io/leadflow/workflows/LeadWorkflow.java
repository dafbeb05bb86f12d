package io.leadflow.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One durable workflow per lead, id {@link LeadWorkflows#idFor(String)}. */
@WorkflowInterface
public interface LeadWorkflow {

  @WorkflowMethod
  void run(NewLead lead);

  @QueryMethod
  LeadState state();
}
