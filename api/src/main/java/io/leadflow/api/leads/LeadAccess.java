package io.leadflow.api.leads;

import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.security.ApiPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The one way controllers load a lead for a caller. A lead outside the caller's {@link LeadScope}
 * answers exactly like a lead that does not exist (404), so ids cannot be probed. Public for the
 * template preview, which renders a message for a lead the caller may read.
 */
@Component
public class LeadAccess {

  private final LeadRepository leads;
  private final JdbcClient jdbc;

  LeadAccess(LeadRepository leads, JdbcClient jdbc) {
    this.leads = leads;
    this.jdbc = jdbc;
  }

  public Lead visibleLead(String id, ApiPrincipal caller) {
    return parse(id)
        .filter(leadId -> inScope(leadId, LeadScope.of(caller)))
        .flatMap(leads::findById)
        .orElseThrow(() -> notFound(id));
  }

  private boolean inScope(UUID leadId, LeadScope scope) {
    List<Object> params = new ArrayList<>();
    params.add(leadId);
    params.addAll(scope.params());
    return jdbc.sql("select exists (select 1 from lead where lead.id = ? and " + scope.condition() + ")")
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

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ErrorResponseException notFound(String id) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No lead with id " + id + ".");
    problem.setTitle("Lead not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}
