package io.leadflow.workflows;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface RoutingActivities {

  /** Picks the owner, backup and manager/queue for a lead, with the reason in words. */
  Assignment route(RouteRequest request);
}
