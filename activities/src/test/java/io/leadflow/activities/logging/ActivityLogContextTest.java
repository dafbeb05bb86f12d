package io.leadflow.activities.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityInput;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityOutput;
import io.temporal.common.interceptors.Header;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ActivityLogContextTest {

  @Test
  void anActivityOfALeadWorkflowLogsWithTheLeadAndWorkflowIdsAndLeavesNothingBehind() {
    Map<String, String> seen = runActivityOf("lead-0b9c4d52-3f1e-4d8a-9a57-1c2b3d4e5f60");

    assertThat(seen)
        .containsEntry("leadId", "0b9c4d52-3f1e-4d8a-9a57-1c2b3d4e5f60")
        .containsEntry("workflowId", "lead-0b9c4d52-3f1e-4d8a-9a57-1c2b3d4e5f60");
    assertThat(MDC.get("leadId")).isNull();
    assertThat(MDC.get("workflowId")).isNull();
  }

  @Test
  void anotherWorkflowsActivityCarriesOnlyItsWorkflowId() {
    Map<String, String> seen = runActivityOf("nightly-cleanup");

    assertThat(seen).containsEntry("workflowId", "nightly-cleanup").doesNotContainKey("leadId");
  }

  /** Runs one activity through the interceptor; returns the MDC the activity saw. */
  private static Map<String, String> runActivityOf(String workflowId) {
    Map<String, String> seen = new HashMap<>();
    ActivityInboundCallsInterceptor activity =
        new ActivityInboundCallsInterceptor() {
          @Override
          public void init(ActivityExecutionContext context) {}

          @Override
          public ActivityOutput execute(ActivityInput input) {
            seen.putAll(MDC.getCopyOfContextMap() == null ? Map.of() : MDC.getCopyOfContextMap());
            return new ActivityOutput(null);
          }
        };
    ActivityInfo info = mock(ActivityInfo.class);
    when(info.getWorkflowId()).thenReturn(workflowId);
    ActivityExecutionContext context = mock(ActivityExecutionContext.class);
    when(context.getInfo()).thenReturn(info);

    ActivityInboundCallsInterceptor intercepted = new ActivityLogContext().interceptActivity(activity);
    intercepted.init(context);
    intercepted.execute(new ActivityInput(Header.empty(), new Object[0]));
    return seen;
  }
}
