package io.leadflow.api.leads;

import io.leadflow.activities.routing.Rep;
import io.leadflow.activities.routing.RepStore;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.security.ApiPrincipal;
import io.leadflow.workflows.AckResult;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.leadflow.workflows.OptOut;
import io.leadflow.workflows.Reassignment;
import io.leadflow.workflows.Reply;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reps do to a lead. Each action goes to the lead's workflow, which owns the rules; the
 * answer comes once Temporal has stored the message. A closed lead answers 409 with its state.
 */
@RestController
@RequestMapping("/api/v1/leads/{id}")
class LeadActionsController {

  private final LeadAccess access;
  private final WorkflowClient temporal;
  private final LeadRepository leads;
  private final OptOuts optOuts;
  private final RepStore reps;

  LeadActionsController(LeadAccess access, WorkflowClient temporal, LeadRepository leads, OptOuts optOuts, RepStore reps) {
    this.optOuts = optOuts;
    this.reps = reps;
    this.access = access;
    this.temporal = temporal;
    this.leads = leads;
  }

  /** The caller acknowledges as their own rep id; the workflow refuses anyone but the assignee. */
  @PostMapping("/acknowledge")
  AckResult acknowledge(@PathVariable String id, @AuthenticationPrincipal ApiPrincipal caller) {
    Lead lead = openLead(id, caller);
    if (caller.repId() == null) {
      throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "This API key acts for no rep, so it cannot acknowledge.");
    }
    try {
      return workflowOf(lead).acknowledge(caller.repId());
    } catch (WorkflowUpdateException rejected) {
      throw problem(HttpStatus.CONFLICT, rootMessage(rejected));
    }
  }

  @PostMapping("/replies")
  ResponseEntity<Void> reply(
      @PathVariable String id, @Valid @RequestBody LeadActions.LoggedReply reply, @AuthenticationPrincipal ApiPrincipal caller) {
    String messageId = reply.messageId() != null ? reply.messageId() : "api-" + UUID.randomUUID();
    Lead lead = openLead(id, caller);
    leads.markStopped(lead.id());
    workflowOf(lead).reply(new Reply(reply.channel(), reply.body(), messageId));
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/disqualify")
  ResponseEntity<Void> disqualify(
      @PathVariable String id, @Valid @RequestBody LeadActions.Disqualification body, @AuthenticationPrincipal ApiPrincipal caller) {
    return signal(id, caller, w -> w.disqualify(body.reason()));
  }

  @PostMapping("/meeting")
  ResponseEntity<Void> meetingBooked(
      @PathVariable String id, @Valid @RequestBody LeadActions.Meeting body, @AuthenticationPrincipal ApiPrincipal caller) {
    return signal(id, caller, w -> w.meetingBooked(body.at()));
  }

  /** Managers (their team's leads) and admins only (SecurityConfiguration); the rep must take leads. */
  @PostMapping("/reassign")
  ResponseEntity<Void> reassign(
      @PathVariable String id, @Valid @RequestBody LeadActions.Reassign body, @AuthenticationPrincipal ApiPrincipal caller) {
    Lead lead = openLead(id, caller);
    Rep rep = reps.find(body.repId()).orElseThrow(() -> repProblem(HttpStatus.NOT_FOUND, "Rep not found", "No rep with id " + body.repId() + "."));
    if (!rep.active()) {
      throw repProblem(HttpStatus.CONFLICT, "Rep inactive", "Rep " + rep.id() + " is inactive and takes no leads.");
    }
    workflowOf(lead).reassign(new Reassignment(rep.id(), body.reason()));
    return ResponseEntity.accepted().build();
  }

  /** Managers (their team's leads) and admins only (SecurityConfiguration): LeadFlow stops working the lead. */
  @PostMapping("/convert")
  ResponseEntity<Void> convert(
      @PathVariable String id, @Valid @RequestBody LeadActions.Conversion body, @AuthenticationPrincipal ApiPrincipal caller) {
    Lead lead = openLead(id, caller);
    // No touch planned before this goes out after it: the CRM's people have the lead now.
    leads.markStopped(lead.id());
    workflowOf(lead).convert(body.reason());
    return ResponseEntity.accepted().build();
  }

  /**
   * The lead cancelled the meeting booked for {@code at}, told by a booking tool other than
   * Calendly or by the rep: before it starts the lead is back in follow-up with its rep.
   */
  @PostMapping("/meeting/cancel")
  ResponseEntity<Void> meetingCanceled(
      @PathVariable String id, @Valid @RequestBody LeadActions.Meeting body, @AuthenticationPrincipal ApiPrincipal caller) {
    Lead lead = access.visibleLead(id, caller);
    if (lead.status() != LeadStatus.MEETING_BOOKED) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The lead has no meeting booked (" + lead.status() + ").");
      problem.setTitle("No meeting booked");
      problem.setProperty("leadStatus", lead.status());
      throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
    workflowOf(lead).meetingCanceled(body.at());
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/opt-out")
  ResponseEntity<Void> optOut(
      @PathVariable String id, @Valid @RequestBody LeadActions.OptOutRequest body, @AuthenticationPrincipal ApiPrincipal caller) {
    Lead lead = access.visibleLead(id, caller);
    optOuts.record(lead, body.channel(), caller.name());
    if (!lead.status().isClosed()) {
      workflowOf(lead).optOut(new OptOut(body.channel()));
    }
    return ResponseEntity.accepted().build();
  }

  private ResponseEntity<Void> signal(String id, ApiPrincipal caller, Consumer<LeadWorkflow> message) {
    message.accept(workflowOf(openLead(id, caller)));
    return ResponseEntity.accepted().build();
  }

  private Lead openLead(String id, ApiPrincipal caller) {
    Lead lead = access.visibleLead(id, caller);
    LeadAccess.requireOpen(lead);
    return lead;
  }

  private LeadWorkflow workflowOf(Lead lead) {
    return temporal.newWorkflowStub(LeadWorkflow.class, LeadWorkflows.idFor(lead.id().toString()));
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    // ApplicationFailure messages read "message='…', type='…'": keep the human part.
    int start = message.indexOf("message='");
    return start < 0 ? message : message.substring(start + 9, message.indexOf('\'', start + 9));
  }

  private static ErrorResponseException repProblem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
