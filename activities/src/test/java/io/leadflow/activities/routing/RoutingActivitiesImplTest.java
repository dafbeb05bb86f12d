package io.leadflow.activities.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.workflows.Assignment;
import io.leadflow.workflows.NewLead;
import io.leadflow.workflows.RouteRequest;
import org.junit.jupiter.api.Test;

class RoutingActivitiesImplTest {

  @Test
  void routesToTheConfiguredTeamAndSaysWhy() {
    RoutingActivitiesImpl routing = new RoutingActivitiesImpl("ana", "ben", "mia");

    Assignment assignment =
        routing.route(new RouteRequest(new NewLead("l", "S", "s@a.test", null, "web", "demo"), null, null));

    assertThat(assignment.repId()).isEqualTo("ana");
    assertThat(assignment.backupRepId()).isEqualTo("ben");
    assertThat(assignment.managerId()).isEqualTo("mia");
    assertThat(assignment.reason()).contains("default team");
  }
}
