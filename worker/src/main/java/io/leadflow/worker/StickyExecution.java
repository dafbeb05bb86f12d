package io.leadflow.worker;

import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sticky execution sends a workflow's next task to the queue of the worker that ran the last one.
 * The real Temporal server falls back to the shared queue when that worker stops answering; the
 * embedded Java service never does, so after a worker crash every lead whose next task was bound
 * to the dead worker would wait forever. With {@code leadflow.worker.sticky-execution=false} (the
 * local stack) every task goes to the shared queue and a restarted worker replays the lead's short
 * history instead.
 *
 * <p>Without sticky execution every workflow task carries the full history and the SDK rebuilds
 * the workflow from it, so its workflow cache (600 workflows, a thread each, by default) would
 * only hold memory: it is turned off too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "leadflow.worker.sticky-execution", havingValue = "false")
class StickyExecution {

  private static final int DEFAULT_WORKFLOW_TASK_POLLERS = 5;

  @Bean
  WorkerOptionsCustomizer stickyExecutionOff() {
    return (options, workerName, taskQueue) -> withoutStickyExecution(options);
  }

  @Bean
  TemporalOptionsCustomizer<WorkerFactoryOptions.Builder> workflowCacheOff() {
    return StickyExecution::withoutWorkflowCache;
  }

  /**
   * A zero sticky schedule-to-start timeout tells the SDK never to ask for a sticky queue. The SDK
   * still polls its own sticky queue with about half of its workflow-task pollers (its
   * StickyQueueBalancer), and those polls never get a task: twice the default keeps the usual five
   * on the shared queue.
   */
  static WorkerOptions.Builder withoutStickyExecution(WorkerOptions.Builder options) {
    return options
        .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
        .setMaxConcurrentWorkflowTaskPollers(2 * DEFAULT_WORKFLOW_TASK_POLLERS);
  }

  static WorkerFactoryOptions.Builder withoutWorkflowCache(WorkerFactoryOptions.Builder options) {
    return options.setWorkflowCacheSize(0);
  }
}
