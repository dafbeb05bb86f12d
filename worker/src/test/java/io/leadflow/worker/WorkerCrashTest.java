package io.leadflow.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker dies (its connection cut, as with kill -9) while a workflow sleeps on a timer; a new
 * worker starts. On Temporal's embedded service the workflow only carries on when sticky execution
 * is off, which is how the local stack runs.
 */
class WorkerCrashTest {

  private static final String TASK_QUEUE = "crash-test";

  private final int port = freePort();
  private final TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(port, true);
  private final List<WorkflowServiceStubs> connections = new ArrayList<>();
  private final List<WorkerFactory> workers = new ArrayList<>();

  @WorkflowInterface
  public interface NapWorkflow {
    @WorkflowMethod
    String nap();
  }

  public static class NapWorkflowImpl implements NapWorkflow {
    @Override
    public String nap() {
      Workflow.sleep(Duration.ofSeconds(2));
      return "woke up";
    }
  }

  @AfterEach
  void stopEverything() {
    workers.forEach(WorkerFactory::shutdownNow);
    connections.forEach(WorkflowServiceStubs::shutdownNow);
    temporal.close();
  }

  @Test
  void aSleepingWorkflowFinishesOnARestartedWorkerWhenStickyExecutionIsOff() throws Exception {
    WorkflowStub napping =
        napThroughACrash(
            StickyExecution.withoutStickyExecution(WorkerOptions.newBuilder()),
            StickyExecution.withoutWorkflowCache(WorkerFactoryOptions.newBuilder()));

    assertThat(napping.getResult(15, TimeUnit.SECONDS, String.class)).isEqualTo("woke up");
  }

  @Test
  void withStickyExecutionTheSameWorkflowStallsOnTheEmbeddedService() throws Exception {
    WorkflowStub napping = napThroughACrash(WorkerOptions.newBuilder(), WorkerFactoryOptions.newBuilder());

    // Its timer fired long ago, but the task waits on the dead worker's sticky queue.
    assertThatThrownBy(() -> napping.getResult(8, TimeUnit.SECONDS, String.class))
        .isInstanceOf(TimeoutException.class);
  }

  private WorkflowStub napThroughACrash(WorkerOptions.Builder options, WorkerFactoryOptions.Builder factoryOptions) {
    WorkflowServiceStubs doomedConnection = connect();
    startWorker(doomedConnection, options.build(), factoryOptions.build());

    WorkflowClient client = WorkflowClient.newInstance(connect());
    String workflowId = "nap-" + UUID.randomUUID();
    NapWorkflow nap =
        client.newWorkflowStub(
            NapWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(workflowId).build());
    WorkflowClient.start(nap::nap);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.fetchHistory(workflowId).getEvents().stream()
            .anyMatch(event -> event.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED));

    doomedConnection.shutdownNow();
    startWorker(connect(), options.build(), factoryOptions.build());
    return client.newUntypedWorkflowStub(workflowId);
  }

  private void startWorker(WorkflowServiceStubs connection, WorkerOptions options, WorkerFactoryOptions factoryOptions) {
    WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(connection), factoryOptions);
    factory.newWorker(TASK_QUEUE, options).registerWorkflowImplementationTypes(NapWorkflowImpl.class);
    factory.start();
    workers.add(factory);
  }

  private WorkflowServiceStubs connect() {
    WorkflowServiceStubs connection =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    connections.add(connection);
    return connection;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
