package io.leadflow.worker;

import io.leadflow.workflows.LeadSearchAttributes;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's own Java service for local development, in real time, in its own process so that a
 * worker crash or restart keeps every running lead. It keeps everything in memory: stopping it
 * forgets all workflows. Production uses the real Temporal server (docker-compose.yml).
 */
public final class DevTemporalService {

  private static final Logger log = LoggerFactory.getLogger(DevTemporalService.class);

  private DevTemporalService() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(System.getenv().getOrDefault("LEADFLOW_TEMPORAL_PORT", "7233"));
    String namespace = System.getenv().getOrDefault("TEMPORAL_NAMESPACE", "default");
    var server = TestServer.createPortBoundServer(port, true);
    try {
      registerSearchAttributes("127.0.0.1:" + port, namespace);
    } catch (RuntimeException e) {
      log.error("Could not register LeadFlow's search attributes: {}", e.getMessage());
      server.close();
      System.exit(1);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    log.info(
        "Embedded Temporal service (development only, in memory) listening on 127.0.0.1:{}", port);
    stopped.await();
  }

  /** The same attributes docker-compose.yml registers on the real server. */
  static void registerSearchAttributes(String target, String namespace) {
    var request = AddSearchAttributesRequest.newBuilder().setNamespace(namespace);
    LeadSearchAttributes.ALL.forEach(key -> request.putSearchAttributes(key.getName(), key.getValueType()));
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder().setTarget(target).validateAndBuildWithDefaults());
    try {
      operator.blockingStub().addSearchAttributes(request.build());
    } finally {
      operator.shutdownNow();
    }
  }
}
