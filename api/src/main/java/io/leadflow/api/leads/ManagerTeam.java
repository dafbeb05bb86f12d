package io.leadflow.api.leads;

/**
 * The leads a manager answers for: assigned to them, to a rep who reports to them
 * ({@code rep.manager_id}), or routed with them as the escalation manager
 * ({@code lead_assignment.manager_id}). One SQL condition on {@code lead}, so a single lead check
 * and the list use the same rule.
 */
final class ManagerTeam {

  static final String CONDITION =
      """
      (lead.assigned_rep = ?
       or exists (select 1 from rep where rep.id = lead.assigned_rep and rep.manager_id = ?)
       or exists (select 1 from lead_assignment a where a.lead_id = lead.id and a.manager_id = ?))""";

  private ManagerTeam() {}

  static Object[] parameters(String managerId) {
    return new Object[] {managerId, managerId, managerId};
  }
}
