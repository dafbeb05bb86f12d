package io.leadflow.activities.routing;

import io.leadflow.workflows.Assignment;
import io.leadflow.workflows.RouteRequest;
import io.leadflow.workflows.RoutingActivities;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Routes through the decision tree in PostgreSQL ({@link RoutingEngine}) and explains the choice
 * in the assignment's reason. Cold leads never get here: the workflow sends them to nurture.
 */
@Component("routingActivities")
class RoutingActivitiesImpl implements RoutingActivities {

  private final RoutingEngine engine;
  private final Clock clock;

  RoutingActivitiesImpl(RoutingEngine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public Assignment route(RouteRequest request) {
    return engine.route(LeadProfile.of(request), attemptKey(), clock.instant()).toAssignment();
  }

  /** Same for every retry of this activity, different for the next routing of the lead. */
  private static String attemptKey() {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    return info.getWorkflowId() + "/" + info.getWorkflowRunId() + "/" + info.getActivityId();
  }
}
