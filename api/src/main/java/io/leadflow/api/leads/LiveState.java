package io.leadflow.api.leads;

import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.LeadState;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.client.WorkflowClient;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The lead's live workflow state (its {@code state} query), when it can be had within a second:
 * a stored lead still reads fine while Temporal or the workers are away.
 */
@Component
class LiveState {

  private final WorkflowClient temporal;
  private final TaskExecutor executor;

  LiveState(WorkflowClient temporal, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
    this.temporal = temporal;
    this.executor = executor;
  }

  Optional<LeadState> of(Lead lead) {
    LeadWorkflow workflow = temporal.newWorkflowStub(LeadWorkflow.class, LeadWorkflows.idFor(lead.id().toString()));
    try {
      return Optional.of(CompletableFuture.supplyAsync(workflow::state, executor).get(1, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
