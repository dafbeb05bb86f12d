package io.leadflow.activities.logging;

import io.leadflow.workflows.LeadWorkflows;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Every activity runs with {@code leadId} and {@code workflowId} in its logging context, so each
 * line an activity logs names the lead and its workflow (the person stays in the lead store).
 * The Temporal starter adds every {@code WorkerInterceptor} bean to the workers it creates.
 */
@Component
public class ActivityLogContext extends WorkerInterceptorBase {

  public static final String LEAD_ID = "leadId";
  public static final String WORKFLOW_ID = "workflowId";

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {

      private String workflowId;

      @Override
      public void init(ActivityExecutionContext context) {
        workflowId = context.getInfo().getWorkflowId();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        String leadId = LeadWorkflows.leadIdOf(workflowId);
        MDC.put(WORKFLOW_ID, workflowId);
        if (leadId != null) {
          MDC.put(LEAD_ID, leadId);
        }
        try {
          return super.execute(input);
        } finally {
          MDC.remove(WORKFLOW_ID);
          MDC.remove(LEAD_ID);
        }
      }
    };
  }
}
