package io.leadflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

class LeadWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(LeadWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final LeadStoreActivities store =
      mock(LeadStoreActivities.class, withSettings().withoutAnnotations());
  private final OutreachActivities outreach =
      mock(OutreachActivities.class, withSettings().withoutAnnotations());

  @BeforeEach
  void stubSends() {
    when(outreach.sendTouch(any()))
        .thenAnswer(
            call -> {
              TouchRequest request = call.getArgument(0);
              return new Touch(request.step(), request.channel(), "dry-run", "m-1");
            });
  }

  private LeadWorkflow start(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, NewLead lead) {
    worker.registerActivitiesImplementations(store, outreach);
    env.start();
    LeadWorkflow workflow =
        client.newWorkflowStub(
            LeadWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(worker.getTaskQueue())
                .setWorkflowId(LeadWorkflows.idFor(lead.leadId()))
                .build());
    workflow.run(lead);
    return workflow;
  }

  @Test
  void capturesThenSendsFirstTouchBySmsWhenThePhoneIsKnown(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    NewLead lead = new NewLead("l-1", "Sarah Kim", "sarah@acme.test", "+14155550100", "web", "demo");

    LeadWorkflow workflow = start(env, worker, client, lead);

    InOrder order = inOrder(store, outreach);
    order.verify(store).recordStatus("l-1", LeadStatus.CAPTURED);
    order.verify(outreach).sendTouch(new TouchRequest("l-1", "first-touch", Channel.SMS));
    order.verify(store).recordStatus("l-1", LeadStatus.CONTACTED);
    order.verifyNoMoreInteractions();

    LeadState state = workflow.state();
    assertThat(state.status()).isEqualTo(LeadStatus.CONTACTED);
    assertThat(state.touches()).extracting(Touch::channel).containsExactly(Channel.SMS);
  }

  @Test
  void emailsTheFirstTouchWhenThereIsNoPhone(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    NewLead lead = new NewLead("l-2", "Ben Ode", "ben@globex.test", null, "web", "pricing");

    start(env, worker, client, lead);

    InOrder order = inOrder(outreach);
    order.verify(outreach).sendTouch(new TouchRequest("l-2", "first-touch", Channel.EMAIL));
  }
}
