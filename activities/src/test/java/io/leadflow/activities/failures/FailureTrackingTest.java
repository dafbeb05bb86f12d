package io.leadflow.activities.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.store.FailingActivities;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.StepsGaveUp;
import io.leadflow.workflows.LeadStoreActivities;
import io.leadflow.workflows.LeadWorkflows;
import io.leadflow.workflows.StepGaveUp;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityInput;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityOutput;
import io.temporal.common.interceptors.Header;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every activity attempt passes {@link FailureTracking}: what no retry can cure fails for good at
 * once, and a lead whose step keeps failing counts as stuck until the step succeeds or gives up.
 */
@SpringBootTest
class FailureTrackingTest {

  @Autowired FailureTracking tracking;
  @Autowired FailingActivities failing;
  @Autowired StepsGaveUp stepsGaveUp;
  @Autowired LeadStoreActivities store;
  @Autowired LeadRepository leads;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void aValueTheDatabaseRefusesFailsForGoodAtOnceAndTheLeadCountsAsFailing() {
    String workflowId = "lead-" + UUID.randomUUID();
    Runnable tooLong = () -> jdbc.sql("insert into lead_step_gave_up (lead_id, step, reason, at) values (?, ?, 'x', now())")
        .params(UUID.randomUUID(), "s".repeat(201))
        .update();

    assertThatThrownBy(() -> attempt(workflowId, 1, tooLong))
        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
          assertThat(failure.isNonRetryable()).isTrue();
          assertThat(failure.getOriginalMessage()).contains("value too long");
        });
    assertThat(rowsOf(workflowId)).isEqualTo(1);
  }

  @Test
  void aTransientFailureIsRetriedAndTheNextAttemptThatWorksClearsIt() {
    String workflowId = "lead-" + UUID.randomUUID();
    RuntimeException connectionLost = new IllegalStateException("connection reset");

    assertThatThrownBy(() -> attempt(workflowId, 1, () -> {
      throw connectionLost;
    })).isSameAs(connectionLost);
    assertThat(rowsOf(workflowId)).isEqualTo(1);

    attempt(workflowId, 2, () -> {});
    assertThat(rowsOf(workflowId)).isZero();
  }

  @Test
  void aLeadFailingLongerThanTheThresholdIsStuckUntilItsStepGivesUp() {
    Lead lead = StoredLeads.save(leads, false);
    String workflowId = LeadWorkflows.idFor(lead.id().toString());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    long before = failing.stuckLeads(Duration.ofMinutes(10), now);
    failing.failed(workflowId, "a1", "SendTouch", 7, "Twilio 503", now.minus(Duration.ofMinutes(30)));
    failing.failed(workflowId, "a1", "SendTouch", 8, "Twilio 503", now.minus(Duration.ofMinutes(1)));
    failing.failed("lead-" + UUID.randomUUID(), "a1", "SendTouch", 1, "Twilio 503", now.minus(Duration.ofMinutes(2)));

    assertThat(failing.stuckLeads(Duration.ofMinutes(10), now)).isEqualTo(before + 1);

    StepGaveUp gaveUp = new StepGaveUp("Day 3 · SMS", "Twilio 503", now);
    store.recordGaveUp(lead.id().toString(), gaveUp);
    store.recordGaveUp(lead.id().toString(), gaveUp);
    assertThat(failing.stuckLeads(Duration.ofMinutes(10), now)).isEqualTo(before);
    assertThat(stepsGaveUp.of(lead.id())).containsExactly(gaveUp);
  }

  private void attempt(String workflowId, int attempt, Runnable activity) {
    ActivityInfo info = mock(ActivityInfo.class);
    when(info.getWorkflowId()).thenReturn(workflowId);
    when(info.getActivityId()).thenReturn("activity-1");
    when(info.getActivityType()).thenReturn("NotifyRep");
    when(info.getAttempt()).thenReturn(attempt);
    ActivityExecutionContext context = mock(ActivityExecutionContext.class);
    when(context.getInfo()).thenReturn(info);
    ActivityInboundCallsInterceptor intercepted = tracking.interceptActivity(new ActivityInboundCallsInterceptor() {
      @Override
      public void init(ActivityExecutionContext context) {}

      @Override
      public ActivityOutput execute(ActivityInput input) {
        activity.run();
        return new ActivityOutput(null);
      }
    });
    intercepted.init(context);
    intercepted.execute(new ActivityInput(Header.empty(), new Object[0]));
  }

  private long rowsOf(String workflowId) {
    return jdbc.sql("select count(*) from failing_activity where workflow_id = ?").param(workflowId).query(Long.class).single();
  }
}
