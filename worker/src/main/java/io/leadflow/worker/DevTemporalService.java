package io.leadflow.worker;

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
    var server = TestServer.createPortBoundServer(port, true);
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
}
