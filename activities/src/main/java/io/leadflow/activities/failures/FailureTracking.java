package io.leadflow.activities.failures;

import io.leadflow.activities.store.FailingActivities;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Around every activity attempt: a failure is classified ({@link Retryability}) and kept in
 * {@link FailingActivities} until an attempt succeeds, so operators see leads that are stuck
 * behind a failing step long before it gives up.
 */
@Component
class FailureTracking extends WorkerInterceptorBase {

  private static final Logger log = LoggerFactory.getLogger(FailureTracking.class);

  private final FailingActivities failing;
  private final Clock clock;

  FailureTracking(FailingActivities failing, Clock clock) {
    this.failing = failing;
    this.clock = clock;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {

      private ActivityInfo info;

      @Override
      public void init(ActivityExecutionContext context) {
        info = context.getInfo();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        ActivityOutput output;
        try {
          output = super.execute(input);
        } catch (RuntimeException failure) {
          RuntimeException classified = Retryability.classify(failure);
          track(() -> failing.failed(
              info.getWorkflowId(), info.getActivityId(), info.getActivityType(), info.getAttempt(),
              failure.getMessage(), clock.instant()));
          throw classified;
        }
        if (info.getAttempt() > 1) {
          track(() -> failing.succeeded(info.getWorkflowId(), info.getActivityId()));
        }
        return output;
      }
    };
  }

  /** Tracking must never change an activity's outcome: the database may be what failed. */
  private static void track(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      log.warn("Could not track an activity failure: {}", e.toString());
    }
  }
}
