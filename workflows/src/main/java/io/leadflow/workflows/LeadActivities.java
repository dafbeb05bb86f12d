package io.leadflow.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The activities a lead's workflow calls, with their options. Everything but outreach is a short
 * read, a pure computation or one database write: as local activities they run inside the
 * workflow task, so the instant reply waits for one activity round trip, not one per stage.
 * Stubs are made per call where the summary (what an operator reads in the UI) names the call.
 */
final class LeadActivities {

  // Per attempt, and the bound after which the step gives up (StepAttempts records it; the lead
  // carries on). docs/reliability.md has the same table.
  private static final Duration LOOKUP = Duration.ofSeconds(10);
  private static final Duration LOOKUP_AT_MOST = Duration.ofMinutes(5);
  private static final Duration RECORD_AT_MOST = Duration.ofMinutes(10);
  private static final Duration ENRICH_ATTEMPT = Duration.ofSeconds(30);
  // Vendor trouble must not hold the lead: after this, route on partial data.
  private static final Duration ENRICH_AT_MOST = Duration.ofMinutes(2);
  private static final Duration ROUTE_ATTEMPT = Duration.ofSeconds(30);
  private static final Duration SEND_ATTEMPT = Duration.ofSeconds(60);
  private static final Duration SEND_RETRY_AT_MOST = Duration.ofMinutes(5);
  // A provider outage up to this long delays a touch; past it the touch gives up, the cadence goes on.
  private static final Duration SEND_AT_MOST = Duration.ofHours(1);
  private static final Duration CRM_ATTEMPT = Duration.ofSeconds(30);
  private static final Duration CRM_FIRST_RETRY = Duration.ofSeconds(5);
  private static final Duration CRM_RETRY_AT_MOST = Duration.ofMinutes(10);
  // Sync waits behind the lead, so it can wait out a CRM down for a whole cadence and catch up.
  private static final Duration CRM_AT_MOST = Duration.ofDays(30);

  final PlaybookActivities playbooks = local(PlaybookActivities.class, "Resolve playbook", LOOKUP, LOOKUP_AT_MOST);
  final ScoringActivities scoring = local(ScoringActivities.class, "Score", LOOKUP, LOOKUP_AT_MOST);
  final EnrichmentActivities enrichment = local(EnrichmentActivities.class, "Enrich", ENRICH_ATTEMPT, ENRICH_AT_MOST);
  final RoutingActivities routing = local(RoutingActivities.class, "Route", ROUTE_ATTEMPT, LOOKUP_AT_MOST);
  final OutreachActivities contactChecks = local(OutreachActivities.class, "Check who may be contacted", LOOKUP, LOOKUP_AT_MOST);

  LeadStoreActivities store(String summary) {
    return local(LeadStoreActivities.class, summary, LOOKUP, RECORD_AT_MOST);
  }

  OutreachActivities outreach(String summary) {
    return Workflow.newActivityStub(
        OutreachActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(SEND_ATTEMPT)
            .setScheduleToCloseTimeout(SEND_AT_MOST)
            .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(SEND_RETRY_AT_MOST).build())
            .setSummary(summary)
            .build());
  }

  /** On the CRM's own task queue, whose rate the server limits across all workers. */
  CrmActivities crm(String summary) {
    return Workflow.newActivityStub(
        CrmActivities.class,
        ActivityOptions.newBuilder()
            .setTaskQueue(LeadWorkflows.CRM_TASK_QUEUE)
            .setStartToCloseTimeout(CRM_ATTEMPT)
            .setScheduleToCloseTimeout(CRM_AT_MOST)
            .setRetryOptions(
                RetryOptions.newBuilder().setInitialInterval(CRM_FIRST_RETRY).setMaximumInterval(CRM_RETRY_AT_MOST).build())
            .setSummary(summary)
            .build());
  }

  private static <T> T local(Class<T> type, String summary, Duration attempt, Duration atMost) {
    return Workflow.newLocalActivityStub(
        type,
        LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(attempt)
            .setScheduleToCloseTimeout(atMost)
            .setSummary(summary)
            .build());
  }
}
