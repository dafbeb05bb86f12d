package io.leadflow.workflows;

import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;

/**
 * Keeps the team's CRM in step with the lead, behind the lead and in order: the stages queue each
 * change ({@link LeadState#crmQueued}) and move on at once, and one background loop sends them
 * one by one. A CRM outage, throttling or a slow answer delays only the loop; a change the CRM
 * refuses (or that is still failing after the bound in {@link LeadActivities}) is recorded as a
 * step that gave up and the next one goes. Changes still queued are carried into the next run.
 */
final class CrmSync {

  /** Before this change no lead called a CRM. */
  static final String CHANGE_ID = "crm-sync";

  private final LeadState state;
  private final LeadActivities activities;
  private final StepAttempts steps;
  private boolean on;

  CrmSync(LeadState state, LeadActivities activities, StepAttempts steps) {
    this.state = state;
    this.activities = activities;
    this.steps = steps;
  }

  /** Starts the loop when the playbook has a CRM; changes carried from the last run go first. */
  void start(Playbook playbook) {
    if (!playbook.crmSync() || Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return;
    }
    on = true;
    Async.procedure(this::sendInOrder);
  }

  void lead() {
    if (on) {
      state.crmQueued(CrmUpdate.of(new CrmLeadUpdate(
          state.leadId(),
          state.status(),
          state.score() == null ? null : state.score().total(),
          state.score() == null ? null : state.score().tier(),
          state.assignedRep())));
    }
  }

  /** Touches that went out or failed are logged; skipped ones (no address, no consent) stay in LeadFlow. */
  void touch(Touch touch) {
    if (on && (touch.outcome() == Touch.Outcome.SENT || touch.outcome() == Touch.Outcome.FAILED)) {
      state.crmQueued(CrmUpdate.of(new CrmTouchUpdate(state.leadId(), touch.step(), touch.channel())));
    }
  }

  /** Waits until every queued change reached the CRM or gave up: a closed lead's last changes are not lost. */
  void awaitSent() {
    Workflow.await(() -> !on || state.crmPending().isEmpty());
  }

  private void sendInOrder() {
    while (true) {
      Workflow.await(() -> !state.crmPending().isEmpty());
      CrmUpdate next = state.crmPending().get(0);
      CrmActivities crm = activities.crm(next.summary());
      state.crmDone(
          steps.attempt(next.summary(), () -> next.lead() != null ? crm.syncLead(next.lead()) : crm.logTouch(next.touch()))
              .orElse(null));
    }
  }
}
