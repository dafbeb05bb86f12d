package io.leadflow.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;

public class LeadWorkflowImpl implements LeadWorkflow {

  static final String FIRST_TOUCH = "first-touch";

  private static final ActivityOptions QUICK =
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build();

  private final LeadStoreActivities store =
      Workflow.newActivityStub(
          LeadStoreActivities.class,
          ActivityOptions.newBuilder(QUICK).setSummary("Record lead status").build());

  private final OutreachActivities outreach =
      Workflow.newActivityStub(
          OutreachActivities.class,
          ActivityOptions.newBuilder(QUICK)
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setSummary("Send touch")
              .build());

  private LeadState state;

  @WorkflowInit
  public LeadWorkflowImpl(NewLead lead) {
    state = LeadState.received(lead.leadId());
  }

  @Override
  public void run(NewLead lead) {
    capture(lead);
    sendFirstTouch(lead);
  }

  @Override
  public LeadState state() {
    return state;
  }

  private void capture(NewLead lead) {
    moveTo(lead, LeadStatus.CAPTURED);
  }

  private void sendFirstTouch(NewLead lead) {
    Channel channel = lead.hasPhone() ? Channel.SMS : Channel.EMAIL;
    Workflow.setCurrentDetails("Sending first touch by " + channel);
    Touch touch = outreach.sendTouch(new TouchRequest(lead.leadId(), FIRST_TOUCH, channel));
    state = state.withTouch(touch);
    moveTo(lead, LeadStatus.CONTACTED);
  }

  private void moveTo(NewLead lead, LeadStatus status) {
    store.recordStatus(lead.leadId(), status);
    state = state.withStatus(status);
  }
}
