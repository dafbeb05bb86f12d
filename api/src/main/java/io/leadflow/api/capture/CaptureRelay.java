package io.leadflow.api.capture;

import io.leadflow.activities.store.CaptureRepository;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.CaptureAttributes;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.EngagementEvent;
import io.leadflow.workflows.LeadInput;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.NewLead;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands stored captures to Temporal: at once after the capture, and again with backoff while it
 * fails. A failure Temporal answered (or one of LeadFlow's own) counts toward the entry's bound
 * ({@code leadflow.capture.outbox.max-attempts}), past which the entry is dead-lettered for an
 * operator to replay; an unreachable, timed-out or throttling Temporal counts for nothing, since
 * no entry is at fault and every one goes through once it is back. Every delivery is idempotent, so two relays racing for one entry are
 * harmless: a lead's workflow is started at most once (its id is fixed and a duplicate start is
 * rejected even after the workflow closed), and a join's engagement carries the capture's id,
 * which the workflow deduplicates.
 */
@Component
class CaptureRelay {

  private static final Logger log = LoggerFactory.getLogger(CaptureRelay.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private static final Set<Status.Code> TEMPORAL_AWAY =
      Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED);

  private final OutboxRepository outbox;
  private final LeadRepository leads;
  private final CaptureAttributes attributes;
  private final CaptureRepository captures;
  private final WorkflowClient temporal;
  private final TaskExecutor executor;
  private final LeadWorkflowStubs stubs;
  private final int maxAttempts;

  CaptureRelay(
      OutboxRepository outbox,
      LeadRepository leads,
      CaptureAttributes attributes,
      CaptureRepository captures,
      WorkflowClient temporal,
      @Qualifier("applicationTaskExecutor") TaskExecutor executor,
      LeadWorkflowStubs stubs,
      @Value("${leadflow.capture.outbox.max-attempts:10}") int maxAttempts) {
    this.outbox = outbox;
    this.leads = leads;
    this.attributes = attributes;
    this.captures = captures;
    this.temporal = temporal;
    this.executor = executor;
    this.stubs = stubs;
    this.maxAttempts = maxAttempts;
  }

  /** The fast path, off the request thread: the 202 never waits for Temporal. */
  void relaySoon(long entryId) {
    executor.execute(() -> outbox.findPending(entryId).forEach(this::relay));
  }

  @Scheduled(fixedDelayString = "${leadflow.capture.relay-interval:1s}")
  void relayDue() {
    for (OutboxEntry entry : outbox.findDue(100)) {
      if (!relay(entry)) {
        return; // Temporal is away: the rest of the batch would each wait out the same timeout
      }
    }
  }

  /** False when Temporal did not answer. */
  private boolean relay(OutboxEntry entry) {
    try {
      Lead lead = leads.findById(entry.leadId()).orElseThrow();
      if (entry.joined() && lead.status() == LeadStatus.OPTED_OUT) {
        log.info("Capture {} of opted-out lead {} kept, not acted on", entry.captureId(), lead.id());
      } else if (entry.joined()) {
        join(lead, entry);
      } else {
        start(lead, entry);
      }
      outbox.markDone(entry.id());
      return true;
    } catch (RuntimeException e) {
      String error = reason(e);
      boolean temporalAway = temporalAway(e);
      int attempts = entry.attempts() + (temporalAway ? 0 : 1);
      if (!temporalAway && attempts >= maxAttempts) {
        log.error(
            "Capture {} of lead {} dead-lettered after {} attempts; replay it with POST /api/v1/admin/outbox/{}/replay: {}",
            entry.captureId(), entry.leadId(), attempts, entry.id(), error);
        outbox.markDead(entry.id(), error);
      } else {
        Duration backoff = backoff(entry.attempts());
        log.warn(
            "Capture {} of lead {} not yet handed to Temporal ({} of {} attempts used{}), retrying in {}: {}",
            entry.captureId(), entry.leadId(), attempts, maxAttempts, temporalAway ? ", Temporal away" : "", backoff,
            error);
        outbox.markFailed(entry.id(), temporalAway ? 0 : 1, Instant.now().plus(backoff), error);
      }
      return !temporalAway;
    }
  }

  /** The SDK's exceptions name the workflow; the gRPC status beneath says what Temporal answered. */
  private static String reason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + ": " + root;
  }

  private static boolean temporalAway(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException grpc && TEMPORAL_AWAY.contains(grpc.getStatus().getCode())) {
        return true;
      }
    }
    return false;
  }

  private void start(Lead lead, OutboxEntry entry) {
    try {
      WorkflowClient.start(
          workflowOf(lead, WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)::run,
          LeadInput.of(newLead(lead, entry)));
    } catch (WorkflowExecutionAlreadyStarted alreadyDone) {
      // an earlier attempt started it; the lead has its one workflow
    }
  }

  /** Signal-with-start: reaches the running workflow, or starts a new one for a closed lead. */
  private void join(Lead lead, OutboxEntry entry) {
    LeadWorkflow workflow = workflowOf(lead, WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE);
    BatchRequest signalWithStart = temporal.newSignalWithStartRequest();
    // Only used when no run is open: a closed lead re-opens in a round of its own.
    LeadInput input = lead.status().isClosed()
        ? LeadInput.reopened(newLead(lead, entry), leads.lastRound(lead.id()) + 1)
        : LeadInput.of(newLead(lead, entry));
    signalWithStart.add(workflow::run, input);
    signalWithStart.add(
        workflow::engagement,
        new EngagementEvent("form-fill", "captured again", "capture-" + entry.captureId(), entry.createdAt()));
    temporal.signalWithStart(signalWithStart);
  }

  /** The lead as its run scores it: a missed call is the capture's, not the person's. */
  private NewLead newLead(Lead lead, OutboxEntry entry) {
    return lead.toNewLead(attributes.merged(lead.id())).withMissedCall(captures.missedCall(entry.captureId()));
  }

  private LeadWorkflow workflowOf(Lead lead, WorkflowIdReusePolicy reuse) {
    return stubs.of(lead, reuse);
  }

  private static Duration backoff(int attempts) {
    Duration backoff = Duration.ofSeconds(1L << Math.min(attempts, 6));
    return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
  }
}
