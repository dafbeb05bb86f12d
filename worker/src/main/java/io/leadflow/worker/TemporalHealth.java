package io.leadflow.worker;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code temporal}, part of readiness: a worker that cannot reach the Temporal
 * service polls nothing, so it is not ready (it stays live: the SDK reconnects on its own).
 */
@Component("temporal")
class TemporalHealth implements HealthIndicator {

  private static final long DEADLINE_SECONDS = 2;

  private final WorkflowServiceStubs service;

  TemporalHealth(WorkflowServiceStubs service) {
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
