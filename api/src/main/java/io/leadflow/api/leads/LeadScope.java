package io.leadflow.api.leads;

import io.leadflow.api.security.ApiPrincipal;
import java.util.List;

/**
 * The leads a caller may see, as a condition on the {@code lead} table with its positional
 * parameters. Lists and single reads use the same condition, so they can never disagree. A key
 * that should name a rep but does not sees nothing.
 */
record LeadScope(String condition, List<Object> params) {

  private static final LeadScope EVERY_LEAD = new LeadScope("true", List.of());
  private static final LeadScope NO_LEAD = new LeadScope("false", List.of());

  static LeadScope of(ApiPrincipal caller) {
    return switch (caller.role()) {
      case ADMIN -> EVERY_LEAD;
      case REP -> caller.repId() == null ? NO_LEAD : new LeadScope("lead.assigned_rep = ?", List.of(caller.repId()));
      case MANAGER -> caller.repId() == null ? NO_LEAD : ManagerTeam.of(caller.repId());
      case INGEST -> NO_LEAD;
    };
  }
}
