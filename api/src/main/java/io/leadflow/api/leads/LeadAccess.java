package io.leadflow.api.leads;

import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.security.ApiPrincipal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The one way controllers load a lead for a caller. A lead the caller may not see answers exactly
 * like a lead that does not exist (404), so ids cannot be probed.
 */
@Component
class LeadAccess {

  private final LeadRepository leads;

  LeadAccess(LeadRepository leads) {
    this.leads = leads;
  }

  Lead visibleLead(String id, ApiPrincipal caller) {
    return parse(id)
        .flatMap(leads::findById)
        .filter(lead -> caller.mayAccessLeadOf(lead.assignedRep()))
        .orElseThrow(() -> notFound(id));
  }

  /** 409 with the lead's current state when it is closed: nothing left to act on. */
  static void requireOpen(Lead lead) {
    if (lead.status().isClosed()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONFLICT, "The lead is closed (" + lead.status() + "); nothing can change it now.");
      problem.setTitle("Lead closed");
      problem.setProperty("leadStatus", lead.status());
      throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
  }

  private static java.util.Optional<UUID> parse(String id) {
    try {
      return java.util.Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static ErrorResponseException notFound(String id) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No lead with id " + id + ".");
    problem.setTitle("Lead not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}
