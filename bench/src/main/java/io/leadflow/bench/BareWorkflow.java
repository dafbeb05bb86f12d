package io.leadflow.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The baseline: the least a Temporal workflow can do, start and run one no-op activity. */
@WorkflowInterface
public interface BareWorkflow {

  @WorkflowMethod
  void run(String id);

  @ActivityInterface
  interface Noop {
    void touch(String id);
  }

  class Impl implements BareWorkflow {
    private final Noop noop =
        Workflow.newActivityStub(
            Noop.class, ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public void run(String id) {
      noop.touch(id);
    }
  }

  /** Records when each workflow's activity ran, the baseline's "first touch". */
  class RecordingNoop implements Noop {
    final Map<String, Long> touchedAtMillis = new ConcurrentHashMap<>();

    @Override
    public void touch(String id) {
      touchedAtMillis.putIfAbsent(id, System.currentTimeMillis());
    }
  }
}
