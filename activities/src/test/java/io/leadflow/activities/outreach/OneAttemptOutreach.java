package io.leadflow.activities.outreach;

import io.leadflow.workflows.OutreachActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;

/**
 * Test helper: the real outreach activities behind Temporal's test activity environment, one
 * attempt per call (a test retries by calling again). One call at a time: make one per
 * concurrent send.
 */
final class OneAttemptOutreach implements AutoCloseable {

  private final TestActivityEnvironment temporal = TestActivityEnvironment.newInstance();
  final OutreachActivities outreach;

  OneAttemptOutreach(OutreachActivitiesImpl implementation, Duration attempt) {
    temporal.registerActivitiesImplementations(implementation);
    outreach =
        temporal.newActivityStub(
            OutreachActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(attempt)
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @Override
  public void close() {
    temporal.close();
  }
}
