package io.leadflow.activities.routing;

import io.leadflow.workflows.Assignment;
import io.leadflow.workflows.RouteRequest;
import io.leadflow.workflows.RoutingActivities;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Baseline routing to one configured team ({@code leadflow.routing.owner|backup|manager}). The
 * real engine (account owner, territories, weighted round-robin with capacity, in PostgreSQL)
 * is the engines issue.
 */
@Component("routingActivities")
class RoutingActivitiesImpl implements RoutingActivities {

  private final Assignment team;

  RoutingActivitiesImpl(
      @Value("${leadflow.routing.owner:ana}") String owner,
      @Value("${leadflow.routing.backup:ben}") String backup,
      @Value("${leadflow.routing.manager:mia}") String manager) {
    this.team = new Assignment(owner, backup, manager, "default team (no routing rules configured yet)");
  }

  @Override
  public Assignment route(RouteRequest request) {
    return team;
  }
}
