package io.leadflow.activities.temporal;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health component {@code temporal}: can this process reach the Temporal service? The worker puts
 * it in readiness (a worker that cannot reach Temporal polls nothing); the API does not (captures
 * wait in the outbox while Temporal is away). Both stay live: the SDK reconnects on its own.
 * Each application declares it as bean {@code temporal}.
 */
public class TemporalHealth implements HealthIndicator {

  private static final long DEADLINE_SECONDS = 2;

  private final WorkflowServiceStubs service;

  public TemporalHealth(WorkflowServiceStubs service) {
    this.service = service;
  }

  @Override
  public Health health() {
    try {
      var info =
          service.blockingStub()
              .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
              .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return Health.up().withDetail("serverVersion", info.getServerVersion()).build();
    } catch (RuntimeException unreachable) {
      return Health.down().withDetail("error", unreachable.getMessage()).build();
    }
  }
}
