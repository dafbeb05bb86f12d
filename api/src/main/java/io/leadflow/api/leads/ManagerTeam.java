package io.leadflow.api.leads;

import java.util.List;

/**
 * A manager's team, as a condition on the {@code lead} table. A lead is on the team of manager
 * {@code m} (the rep id of the MANAGER key) when any of these holds:
 *
 * <ol>
 *   <li>it is assigned to {@code m} ({@code lead.assigned_rep = m}): escalated to them, or routed
 *       to them as a territory's manager;
 *   <li>its assignee reports to {@code m} ({@code rep.manager_id = m} for {@code lead.assigned_rep},
 *       read from the rep directory now, so it follows the org chart as it changes);
 *   <li>its routing decision names {@code m} as its manager ({@code lead_assignment.manager_id = m}):
 *       the one its ack SLA escalates to, accountable for it even before it reaches them.
 * </ol>
 *
 * The assignee is {@code lead.assigned_rep}, the same column that decides what a REP sees.
 */
final class ManagerTeam {

  private static final String LEAD_ON_TEAM =
      """
      (lead.assigned_rep = ?
       or lead.assigned_rep in (select rep.id from rep where rep.manager_id = ?)
       or exists (select 1 from lead_assignment a where a.lead_id = lead.id and a.manager_id = ?))""";

  private ManagerTeam() {}

  static LeadScope of(String managerId) {
    return new LeadScope(LEAD_ON_TEAM, List.of(managerId, managerId, managerId));
  }
}
