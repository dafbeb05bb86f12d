package io.leadflow.api.leads;

import io.leadflow.activities.store.CaptureRecord;
import io.leadflow.activities.store.CaptureRepository;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.EngagementEvent;
import io.leadflow.workflows.LeadInput;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Stores a capture first (nothing accepted is ever only in memory), then hands it to the lead's
 * workflow. The same person twice is one lead: the repeat becomes an engagement on it.
 */
@Service
class LeadCapture {

  private final LeadRepository leads;
  private final CaptureRepository captures;
  private final WorkflowClient temporal;
  private final Clock clock = Clock.systemUTC();

  LeadCapture(LeadRepository leads, CaptureRepository captures, WorkflowClient temporal) {
    this.leads = leads;
    this.captures = captures;
    this.temporal = temporal;
  }

  CapturedLead capture(CaptureLeadRequest request) {
    String email = blankToNull(request.email());
    String phone = blankToNull(request.phone());
    ContactKeys keys = ContactKeys.of(email, phone);
    Optional<Lead> known = leads.findByContact(keys.email(), keys.phone());
    if (known.isPresent()) {
      return join(known.get(), request);
    }
    Lead lead;
    try {
      lead =
          leads.save(
              Lead.received(
                  request.name().strip(), email, phone, request.source().strip(),
                  request.interest().strip(), keys, clock.instant()));
    } catch (DataIntegrityViolationException sameMomentDuplicate) {
      return join(leads.findByContact(keys.email(), keys.phone()).orElseThrow(), request);
    }
    captures.save(CaptureRecord.of(lead.id(), lead.source(), lead.interest(), false, clock.instant()));
    try {
      WorkflowClient.start(workflowOf(lead)::run, LeadInput.of(lead.toNewLead()));
    } catch (WorkflowExecutionAlreadyStarted startedByAConcurrentRepeat) {
      // the repeat's signal-with-start got there first; the lead has its one workflow
    }
    return new CapturedLead(lead.id(), LeadWorkflows.idFor(lead.id().toString()), false);
  }

  /** Signal-with-start: reaches the running workflow, or starts a new one for a closed lead. */
  private CapturedLead join(Lead lead, CaptureLeadRequest request) {
    CaptureRecord capture =
        captures.save(
            CaptureRecord.of(lead.id(), request.source().strip(), request.interest().strip(), true, clock.instant()));
    LeadWorkflow workflow = workflowOf(lead);
    BatchRequest signalWithStart = temporal.newSignalWithStartRequest();
    signalWithStart.add(workflow::run, LeadInput.of(lead.toNewLead()));
    signalWithStart.add(
        workflow::engagement,
        new EngagementEvent("form-fill", capture.source() + ": " + capture.interest(), "capture-" + capture.id()));
    temporal.signalWithStart(signalWithStart);
    return new CapturedLead(lead.id(), LeadWorkflows.idFor(lead.id().toString()), true);
  }

  private LeadWorkflow workflowOf(Lead lead) {
    return temporal.newWorkflowStub(
        LeadWorkflow.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(LeadWorkflows.TASK_QUEUE)
            .setWorkflowId(LeadWorkflows.idFor(lead.id().toString()))
            .build());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
