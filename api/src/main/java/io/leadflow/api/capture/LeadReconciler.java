package io.leadflow.api.capture;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.CaptureAttributes;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.LeadInput;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.LeadWorkflows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds leads the store says are open while Temporal has no running workflow for them (terminated
 * by an operator, lost with a restored or reset server). A lead still in its first round
 * ({@link #RESUMED}) gets a new run from its stored record: the touches it already had are found
 * by their business keys and not sent again, the rest of the cadence is planned from the new
 * run. A lead that replied or sleeps in nurture is reported instead: a new run would start a
 * cadence the person already answered, or re-route a lead nobody works. Walks the open leads a
 * batch per pass, so each pass costs the same however many leads are open.
 */
@Component
@ConditionalOnProperty(name = "leadflow.reconciler.enabled", havingValue = "true", matchIfMissing = true)
class LeadReconciler {

  static final Set<LeadStatus> RESUMED = Set.of(LeadStatus.NEW, LeadStatus.CAPTURED, LeadStatus.AWAITING_ACK, LeadStatus.IN_CADENCE);
  private static final List<String> OPEN =
      Arrays.stream(LeadStatus.values()).filter(status -> !status.isClosed()).map(Enum::name).toList();

  private static final Logger log = LoggerFactory.getLogger(LeadReconciler.class);

  private final JdbcClient jdbc;
  private final LeadRepository leads;
  private final CaptureAttributes attributes;
  private final WorkflowClient temporal;
  private final LeadWorkflowStubs stubs;
  private final Duration grace;
  private final int batch;
  private final Counter resumed;
  private final AtomicLong unresolved = new AtomicLong();
  /**
   * Where a walk starts: the smallest id in PostgreSQL's order. (Java's smallest, {@code new
   * UUID(Long.MIN_VALUE, Long.MIN_VALUE)}, is 80000000-… there, and half the ids lie below it.)
   */
  static final UUID BEFORE_ALL = new UUID(0, 0);

  private UUID cursor = BEFORE_ALL;

  LeadReconciler(
      JdbcClient jdbc,
      LeadRepository leads,
      CaptureAttributes attributes,
      WorkflowClient temporal,
      LeadWorkflowStubs stubs,
      MeterRegistry registry,
      @Value("${leadflow.reconciler.grace:10m}") Duration grace,
      @Value("${leadflow.reconciler.batch:200}") int batch) {
    this.jdbc = jdbc;
    this.leads = leads;
    this.attributes = attributes;
    this.temporal = temporal;
    this.stubs = stubs;
    this.grace = grace;
    this.batch = batch;
    resumed = Counter.builder("leadflow.reconciler.resumed").description("Open leads without a workflow, resumed as a new run").register(registry);
    Gauge.builder("leadflow.reconciler.unresolved", unresolved, AtomicLong::get)
        .description("Open leads without a running workflow that could not be resumed (last full pass)")
        .register(registry);
  }

  @Scheduled(
      initialDelayString = "${leadflow.reconciler.initial-delay:1m}",
      fixedDelayString = "${leadflow.reconciler.interval:1m}")
  void reconcileNextBatch() {
    try {
      pass(Instant.now());
    } catch (RuntimeException e) {
      log.warn("Reconciler pass skipped: {}", e.getMessage());
    }
  }

  /** One batch of open leads, after the cursor; returns the leads found without a running workflow. */
  List<Orphan> pass(Instant now) {
    List<UUID> ids = batchAfter(cursor, now);
    boolean wrapped = ids.size() < batch;
    cursor = wrapped ? BEFORE_ALL : ids.get(ids.size() - 1);
    List<Orphan> orphans = new ArrayList<>();
    for (UUID id : ids) {
      leads.findById(id).flatMap(this::check).ifPresent(orphans::add);
    }
    if (wrapped) {
      unresolved.set(orphans.stream().filter(o -> !o.resumed()).count());
    }
    return orphans;
  }

  /**
   * Up to a batch of open leads after {@code after}, in id order (PostgreSQL's: unsigned bytes),
   * left alone for the grace period and with no capture still on its way to Temporal.
   */
  List<UUID> batchAfter(UUID after, Instant now) {
    return jdbc.sql(
            """
            select id from lead
            where id > :cursor and status in (:open) and updated_at < :settled
              and not exists (select 1 from capture_outbox o where o.lead_id = lead.id and o.done_at is null)
            order by id limit :batch
            """)
        .param("cursor", after)
        .param("open", OPEN)
        .param("settled", Timestamp.from(now.minus(grace)))
        .param("batch", batch)
        .query(UUID.class)
        .list();
  }

  record Orphan(UUID leadId, LeadStatus status, String workflow, boolean resumed) {}

  /** Empty while the lead's workflow runs; otherwise what was found and done. */
  Optional<Orphan> check(Lead lead) {
    WorkflowExecutionStatus status = workflowStatus(lead.id());
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING ? Optional.empty() : Optional.of(handle(lead, status));
  }

  private Orphan handle(Lead lead, WorkflowExecutionStatus status) {
    String workflow = status == null ? "not found" : status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase();
    boolean canResume = RESUMED.contains(lead.status()) && status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
    if (canResume) {
      try {
        WorkflowClient.start(
            stubs.of(lead, WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)::run, LeadInput.of(lead.toNewLead(attributes.merged(lead.id()))));
        resumed.increment();
        log.warn("Lead {} is {} in the store but its workflow is {}: resumed as a new run", lead.id(), lead.status(), workflow);
      } catch (WorkflowExecutionAlreadyStarted raced) {
        // started meanwhile (a capture, an operator): it has its workflow
      }
    } else {
      log.error(
          "Lead {} is {} in the store but its workflow is {}: not resumed, see docs/operations.md (a stuck lead)",
          lead.id(), lead.status(), workflow);
    }
    return new Orphan(lead.id(), lead.status(), workflow, canResume);
  }

  /** The status of the lead's latest run; null when Temporal has no workflow of that id. */
  private WorkflowExecutionStatus workflowStatus(UUID leadId) {
    try {
      return temporal.getWorkflowServiceStubs().blockingStub()
          .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(temporal.getOptions().getNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(LeadWorkflows.idFor(leadId.toString())))
              .build())
          .getWorkflowExecutionInfo()
          .getStatus();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
