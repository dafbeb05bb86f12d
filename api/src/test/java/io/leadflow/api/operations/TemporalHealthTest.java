package io.leadflow.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.temporal.TemporalHealth;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class TemporalHealthTest {

  @Test
  void anUnreachableTemporalServiceIsDownWithinTheDeadline() throws IOException {
    WorkflowServiceStubs nobody =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + closedPort()).build());
    try {
      long started = System.nanoTime();
      Health health = new TemporalHealth(nobody).health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsKey("error");
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    } finally {
      nobody.shutdownNow();
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
