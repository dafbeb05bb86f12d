package io.leadflow.api.leads;

import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.security.ApiPrincipal;
import io.leadflow.api.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The one way controllers load a lead for a caller. A lead the caller may not see answers exactly
 * like a lead that does not exist (404), so ids cannot be probed.
 */
@Component
class LeadAccess {

  /** Matches no rep id: a manager key without a rep id sees no team. */
  private static final String NOBODY = "";

  private final LeadRepository leads;
  private final JdbcClient jdbc;

  LeadAccess(LeadRepository leads, JdbcClient jdbc) {
    this.leads = leads;
    this.jdbc = jdbc;
  }

  Lead visibleLead(String id, ApiPrincipal caller) {
    return parse(id)
        .flatMap(leads::findById)
        .filter(lead -> caller.mayAccessLeadOf(lead.assignedRep()))
        .filter(lead -> caller.role() != Role.MANAGER || inTeam(lead.id(), managerIdOf(caller)))
        .orElseThrow(() -> notFound(id));
  }

  static String managerIdOf(ApiPrincipal manager) {
    return manager.repId() == null ? NOBODY : manager.repId();
  }

  private boolean inTeam(UUID leadId, String managerId) {
    List<Object> params = new ArrayList<>(List.of(ManagerTeam.parameters(managerId)));
    params.add(leadId);
    return jdbc.sql("select exists (select 1 from lead where " + ManagerTeam.CONDITION + " and lead.id = ?)")
        .params(params)
        .query(Boolean.class)
        .single();
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
