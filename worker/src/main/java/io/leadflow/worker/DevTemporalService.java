package io.leadflow.worker;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.leadflow.workflows.LeadSearchAttributes;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's own Java service for local development, in real time, in its own process so that a
 * worker crash or restart keeps every running lead. It keeps everything in memory: stopping it
 * forgets all workflows. Production uses the real Temporal server (docker-compose.yml).
 *
 * <p>Bound to 127.0.0.1 only, like the CLI's dev server: {@code TestServer.createPortBoundServer}
 * listens on every interface, so the service is put together here from the same parts the SDK's
 * {@code TestServer} uses (internal to the SDK: check them when upgrading it).
 */
public final class DevTemporalService {

  private static final Logger log = LoggerFactory.getLogger(DevTemporalService.class);

  private DevTemporalService() {}

  public static void main(String[] args) throws InterruptedException, IOException {
    int port = Integer.parseInt(System.getenv().getOrDefault("LEADFLOW_TEMPORAL_PORT", "7233"));
    String namespace = System.getenv().getOrDefault("TEMPORAL_NAMESPACE", "default");
    // Time skipping locked: the service runs in real time, as a real server does.
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server = builder.build().start();
    Runnable close = () -> {
      server.shutdown();
      try {
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      services.close();
    };
    try {
      registerSearchAttributes("127.0.0.1:" + port, namespace);
    } catch (RuntimeException e) {
      log.error("Could not register LeadFlow's search attributes: {}", e.getMessage());
      close.run();
      System.exit(1);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  close.run();
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
