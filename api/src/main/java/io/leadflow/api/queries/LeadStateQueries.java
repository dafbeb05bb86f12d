package io.leadflow.api.queries;

import io.leadflow.workflows.LeadState;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The lead workflows' {@code state} query, for reads (a lead's {@code live}, the ack deadlines of
 * the awaiting-ack list), on threads of its own: {@code leadflow.workflow-queries.threads} with a
 * queue of {@code .queue}; past that a query is not asked. Each answer is awaited for at most
 * {@code .timeout}, then the query is cancelled, which frees its thread. However many consoles
 * are open and however Temporal or the workers answer, the capture relay's threads are not these.
 */
@Component
public class LeadStateQueries {

  /** Why a lead has no live state: Temporal has no workflow of that id, or none answered in time. */
  public enum Unanswered { WORKFLOW_NOT_FOUND, NO_ANSWER }

  /** Either the state or why there is none. */
  public record Answer(LeadState state, Unanswered unanswered) {

    static Answer of(LeadState state) {
      return new Answer(state, null);
    }

    static Answer none(Unanswered why) {
      return new Answer(null, why);
    }
  }

  private final WorkflowClient temporal;
  private final Duration timeout;
  private final ThreadPoolExecutor pool;

  LeadStateQueries(
      WorkflowClient temporal,
      @Value("${leadflow.workflow-queries.threads:8}") int threads,
      @Value("${leadflow.workflow-queries.queue:200}") int queue,
      @Value("${leadflow.workflow-queries.timeout:1s}") Duration timeout) {
    this.temporal = temporal;
    this.timeout = timeout;
    pool = new ThreadPoolExecutor(
        threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queue), new CustomizableThreadFactory("workflow-query-"));
    pool.allowCoreThreadTimeOut(true);
  }

  public Answer stateOf(UUID leadId) {
    return statesOf(List.of(leadId)).get(leadId);
  }

  /** All asked at once, all within the one timeout. */
  public Map<UUID, Answer> statesOf(List<UUID> leadIds) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<UUID, Future<LeadState>> asked = new LinkedHashMap<>();
    leadIds.forEach(leadId -> asked.put(leadId, ask(leadId)));
    Map<UUID, Answer> answers = new LinkedHashMap<>();
    asked.forEach((leadId, answer) -> answers.put(leadId, await(answer, deadline)));
    return answers;
  }

  private Future<LeadState> ask(UUID leadId) {
    LeadWorkflow workflow = temporal.newWorkflowStub(LeadWorkflow.class, LeadWorkflows.idFor(leadId.toString()));
    try {
      return pool.submit(workflow::state);
    } catch (RejectedExecutionException full) {
      return CompletableFuture.failedFuture(full);
    }
  }

  private static Answer await(Future<LeadState> answer, long deadline) {
    try {
      return Answer.of(answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
    } catch (ExecutionException e) {
      return Answer.none(e.getCause() instanceof WorkflowNotFoundException ? Unanswered.WORKFLOW_NOT_FOUND : Unanswered.NO_ANSWER);
    } catch (TimeoutException e) {
      answer.cancel(true); // interrupts the gRPC call, or drops the query before it is asked
      return Answer.none(Unanswered.NO_ANSWER);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer.cancel(true);
      return Answer.none(Unanswered.NO_ANSWER);
    }
  }

  @PreDestroy
  void shutdown() {
    pool.shutdownNow();
  }
}
