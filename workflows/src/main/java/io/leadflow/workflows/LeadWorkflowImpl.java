package io.leadflow.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sales process for one lead, top to bottom: capture, enrich and score it; then a selling
 * round (route to a rep, reply at once, wait for the rep's acknowledgement escalating when the SLA
 * is missed, run the cadence, hand a reply to the rep); then nurture, a monthly email until the
 * lead engages again and gets a new round. A reply, an opt-out, a disqualification or a booked
 * meeting ends the active sequence the moment it arrives ({@link Interruptions}).
 */
public class LeadWorkflowImpl implements LeadWorkflow {

  /** Before this change a round was planned without the store's suppressions and consent. */
  static final String CHECKED_WHEN_PLANNED = "contact-checked-when-planned";
  /** Before this change a booked meeting closed the lead at once, for good, and the rep was not told. */
  static final String MEETINGS_CANCELLABLE = "meeting-cancellable-until-it-starts";

  private final NewLead lead;
  private final LeadState state;
  private final Interruptions interruptions;
  private final Timers timers;
  private final LeadActivities activities = new LeadActivities();
  private final StepAttempts steps;
  private final ProgressRecorder progress;
  private final Reps reps;
  private final CrmSync crm;
  private Playbook playbook;
  private TouchSender touchSender;
  private InstantReply instantReply;
  // An engagement scored the lead out of cold while it was in nurture.
  private boolean reEngaged;

  @WorkflowInit
  public LeadWorkflowImpl(LeadInput input) {
    lead = input.lead();
    state = input.carried() != null ? input.carried() : LeadState.of(lead.leadId(), input.firstRound());
    interruptions = new Interruptions(state);
    timers = new Timers(interruptions, this::applyUpdates);
    LeadSearchAttributes searchAttributes = new LeadSearchAttributes(lead.source());
    steps = new StepAttempts(state, activities, searchAttributes);
    crm = new CrmSync(state, activities, steps);
    progress = new ProgressRecorder(state, activities, searchAttributes, steps, crm);
    reps = new Reps(state, activities, progress, steps);
  }

  @Override
  public void run(LeadInput input) {
    work(input);
    crm.awaitSent();
  }

  private void work(LeadInput input) {
    playbook = steps.untilDone("Resolve playbook", activities.playbooks::currentPlaybook, timers, interruptions::closeRequested)
        .orElse(null);
    if (playbook == null) {
      close();
      return;
    }
    crm.start(playbook);
    boolean resumingNurture = input.carried() != null;
    if (!resumingNurture) {
      progress.moveTo(LeadStatus.CAPTURED);
      enrich();
      score();
    }
    QuietHours quietHours = QuietHours.forLead(playbook.quietHours(), state.enriched());
    state.noteOnce(quietHours.note());
    Duration openingOffset = playbook.quietHours().openingOffset(lead.leadId());
    touchSender = new TouchSender(state, interruptions, timers, activities, progress, steps, quietHours, openingOffset, crm, playbook.templates());
    if (resumingNurture && !nurtureUntilReEngaged()) {
      return;
    }
    do {
      if (!sellingRound()) {
        return;
      }
    } while (nurtureUntilReEngaged());
  }

  // ---- the stages, in the order a lead meets them ----

  private void enrich() {
    try {
      state.enriched(activities.enrichment.enrich(lead));
    } catch (ActivityFailure e) {
      state.enriched(new EnrichedLead(lead.leadId(), null, null, null, List.of(), true, List.of()));
      state.note("Enrichment unavailable (" + e.getCause().getMessage() + "): routed on partial data");
    }
  }

  /** A warm or hot lead is worked by a rep; false once the lead asked to be closed. */
  private boolean sellingRound() {
    if (!interruptions.interrupted()) {
      if (state.score().tier() == Tier.COLD) {
        state.note("Cold lead (score " + state.score().total() + "): nurture without a rep");
      } else {
        workWithARep();
      }
    }
    if (interruptions.replyPending() && !interruptions.closeRequested()) {
      followUpEngagedLead();
    }
    return !interruptions.closeRequested() || !closeForGood();
  }

  /** Each stage in turn until the lead interrupts: a reply or a close request ends the sequence. */
  private void workWithARep() {
    state.startCadenceRound();
    checkWhoMayBeContacted();
    List<Runnable> stages = List.of(this::route, this::sendInstantReply, this::awaitAcknowledgement, this::runCadence);
    for (Runnable stage : stages) {
      if (interruptions.interrupted()) {
        return;
      }
      stage.run();
    }
  }

  /**
   * Each round is planned on what the store says now: suppressed by any run of the person, consent
   * missing, no address. The sender checks again right before each send.
   */
  private void checkWhoMayBeContacted() {
    if (Workflow.getVersion(CHECKED_WHEN_PLANNED, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return;
    }
    steps.attempt("Check who may be contacted", () -> activities.contactChecks.blockedChannels(lead.leadId()))
        .ifPresent(state::blocked);
  }

  /** False only when the lead was closed while routing kept giving up. */
  private boolean route() {
    Optional<Assignment> assignment =
        steps.untilDone("Route", () -> activities.routing.route(routeRequest()), timers, interruptions::closeRequested);
    assignment.ifPresent(assigned -> state.assigned(assigned, now()));
    return assignment.isPresent();
  }

  private void sendInstantReply() {
    instantReply = new InstantReply(lead, state, touchSender);
    instantReply.send();
  }

  private void awaitAcknowledgement() {
    progress.moveTo(LeadStatus.AWAITING_ACK);
    new Acknowledgement(state, playbook, interruptions, timers, reps).await();
  }

  private void runCadence() {
    instantReply.awaitHeld();
    new Cadence(state, playbook, interruptions, timers, progress, touchSender).run();
  }

  /** The lead replied: the rep owns the conversation until a meeting or another outcome. */
  private void followUpEngagedLead() {
    Reply reply = interruptions.takeReply();
    if (state.assignedRep() == null && !route()) {
      return;
    }
    progress.planNextTouch(null, null);
    progress.moveTo(LeadStatus.ENGAGED);
    String message = "The lead replied by " + reply.channel() + ": the cadence stopped, over to you";
    reps.notify(state.assignedRep(), "reply-" + reply.messageId(), message);
    Workflow.setCurrentDetails("Engaged: waiting for a meeting or an outcome from " + state.assignedRep());
    timers.sleepUntil(
        now().plus(playbook.engagedFollowUp()), "Engaged · waiting for an outcome", interruptions::closeRequested);
  }

  /**
   * A monthly email, one per run: each run continues-as-new so history stays bounded however long
   * a lead sleeps. Returns true when the lead came back (a reply, or an engagement that scores it
   * out of cold); false when it was closed.
   */
  private boolean nurtureUntilReEngaged() {
    if (state.status() != LeadStatus.NURTURE) {
      progress.moveTo(LeadStatus.NURTURE);
    }
    while (true) {
      Instant due = now().plus(playbook.nurtureInterval());
      progress.planNextTouch("Nurture · EMAIL", due);
      Workflow.setCurrentDetails("Nurture: next email " + due);
      timers.sleepUntil(due, "Nurture · EMAIL", () -> interruptions.interrupted() || reEngaged);
      if (interruptions.closeRequested()) {
        if (closeForGood()) {
          return false;
        }
        progress.moveTo(LeadStatus.NURTURE);
        continue;
      }
      if (interruptions.replyPending() || reEngaged) {
        reEngaged = false;
        state.note("Re-engaged from nurture (score " + state.score().total() + ", " + state.score().tier() + ")");
        return true;
      }
      rescoreAfterSilence();
      touchSender.send("nurture-" + state.nurtureTouched(), "Nurture · EMAIL", Channel.EMAIL, "nurture");
      Workflow.await(Workflow::isEveryHandlerFinished);
      if (!interruptions.interrupted() && !interruptions.updatesPending()) {
        Workflow.continueAsNew(new LeadInput(lead, state));
      }
      applyUpdates();
    }
  }

  /** Behavioural points decay with time, so a silent lead is scored again as of each round. */
  private void rescoreAfterSilence() {
    int before = state.score().total();
    score();
    if (state.score().total() != before) {
      state.note("Re-scored in nurture: " + before + " → " + state.score().total() + " (" + state.score().tier() + ")");
    }
  }

  private void close() {
    interruptions.close();
    progress.record();
    Workflow.setCurrentDetails("Closed: " + state.closedReason());
  }

  /**
   * Closes the lead as requested. A booked meeting can still be cancelled until it starts: then
   * the lead is back in follow-up with its rep and this returns false (unless it was closed again
   * meanwhile); true once the lead is closed for good.
   */
  private boolean closeForGood() {
    close();
    while (state.status() == LeadStatus.MEETING_BOOKED
        && Workflow.getVersion(MEETINGS_CANCELLABLE, Workflow.DEFAULT_VERSION, 1) == 1) {
      if (state.assignedRep() != null) {
        reps.notify(state.assignedRep(), "meeting-" + state.meetingAt(), state.closedReason() + ": the cadence stopped");
      }
      if (!cancelledBeforeItStarts()) {
        return true;
      }
      followUpCancelledMeeting();
      if (!interruptions.closeRequested()) {
        return false;
      }
      close();
    }
    return true;
  }

  /** Waits for the booked meeting to start (following a new time if it is rescheduled); true when cancelled first. */
  private boolean cancelledBeforeItStarts() {
    for (Instant at = state.meetingAt(); at != null && at.isAfter(now()); at = state.meetingAt()) {
      Instant booked = at;
      Workflow.setCurrentDetails("Meeting booked for " + booked);
      timers.sleepUntil(
          booked, "Meeting · until it starts", () -> interruptions.meetingCancelled() || !booked.equals(state.meetingAt()));
      if (interruptions.meetingCancelled()) {
        return true;
      }
    }
    return false;
  }

  /** The lead cancelled: the rep gets it back to rebook, for the engaged follow-up window. */
  private void followUpCancelledMeeting() {
    Instant at = state.meetingAt();
    interruptions.reopened();
    state.reopened(LeadStatus.ENGAGED, "Meeting for " + at + " cancelled before it started: back to follow-up");
    progress.moveTo(LeadStatus.ENGAGED);
    if (state.assignedRep() != null) {
      reps.notify(state.assignedRep(), "meeting-cancelled-" + at, "The lead cancelled the meeting for " + at + ": follow up to rebook");
    }
    Workflow.setCurrentDetails("Engaged: the meeting was cancelled, waiting for " + state.assignedRep() + " to rebook");
    timers.sleepUntil(
        now().plus(playbook.engagedFollowUp()), "Engaged · rebook the cancelled meeting", interruptions::closeRequested);
  }

  // ---- messages ----

  @Override
  public void validateAcknowledge(String repId) {
    state.checkCanAcknowledge(repId);
  }

  @Override
  public AckResult acknowledge(String repId) {
    state.acknowledged(repId, now());
    return new AckResult(repId, state.acknowledgedAt());
  }

  @Override
  public void reply(Reply reply) {
    interruptions.reply(reply);
  }

  @Override
  public void optOut(OptOut optOut) {
    if (optOut.everyChannel()) {
      interruptions.requestClose(LeadStatus.OPTED_OUT, "Opted out of every channel");
    } else if (state.optOut(optOut.channel())) {
      state.note("Opted out of " + optOut.channel());
    }
  }

  @Override
  public void optIn(Channel channel) {
    if (state.optIn(channel)) {
      state.note("Opted back in to " + channel);
    }
  }

  @Override
  public void disqualify(String reason) {
    interruptions.requestClose(LeadStatus.DISQUALIFIED, "Disqualified: " + reason);
  }

  @Override
  public void meetingBooked(Instant at) {
    interruptions.meetingBooked(at);
  }

  @Override
  public void meetingCanceled(Instant at) {
    interruptions.meetingCanceled(at);
  }

  @Override
  public void reassign(Reassignment reassignment) {
    interruptions.reassign(reassignment);
  }

  @Override
  public void convert(String reason) {
    interruptions.requestClose(LeadStatus.CONVERTED, "Converted in the CRM: " + reason);
  }

  @Override
  public void engagement(EngagementEvent event) {
    interruptions.engagement(event);
  }

  @Override
  public LeadState state() {
    return state;
  }

  // ---- what every stage uses ----

  /** What arrived while the lead waited: a reassignment first (to the rep it names), then engagements. */
  private void applyUpdates() {
    Reassignment to = interruptions.takeReassignment();
    if (to != null && !state.status().isClosed() && !to.repId().equals(state.assignedRep())) {
      reps.reassign(to.repId(), to.reason());
    }
    scoreEngagements();
  }

  /**
   * Scores engagement events that arrived while the workflow slept. In the cadence a tier upgrade
   * re-routes; in nurture anything warmer than cold brings the lead back.
   */
  private void scoreEngagements() {
    for (EngagementEvent event = interruptions.takeEngagement(); event != null; event = interruptions.takeEngagement()) {
      state.engaged(event);
      Tier before = state.score().tier();
      score();
      if (state.status() == LeadStatus.NURTURE && state.score().tier() != Tier.COLD) {
        reEngaged = true;
      } else if (state.status() == LeadStatus.IN_CADENCE && state.score().tier().isAbove(before)) {
        Tier from = before;
        steps.attempt("Route (tier upgrade)", () -> activities.routing.route(routeRequest()))
            .filter(upgraded -> !upgraded.repId().equals(state.assignedRep()))
            .ifPresent(upgraded -> {
              state.upgradedTo(upgraded);
              reps.reassign(upgraded.repId(), "Tier upgraded " + from + " → " + state.score().tier() + ": " + upgraded.reason());
            });
      }
    }
  }

  /** A lead scoring gave up on keeps its last score; a first score falls back to WARM, so a rep works it. */
  private void score() {
    ScoreRequest request = new ScoreRequest(lead, state.enriched(), state.engagements(), now());
    steps.attempt("Score", () -> activities.scoring.score(request))
        .or(() -> Optional.ofNullable(state.score()))
        .ifPresentOrElse(state::scored, () -> state.scored(LeadScore.unscored(now())));
    progress.record();
  }

  private RouteRequest routeRequest() {
    return new RouteRequest(lead, state.enriched(), state.score());
  }

  private static Instant now() {
    return Timers.now();
  }

}
