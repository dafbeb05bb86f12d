package io.leadflow.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The sales process for one lead, top to bottom: capture, enrich, score, route, reply at once,
 * wait for the rep's acknowledgement (escalating when the SLA is missed), run the cadence, and
 * hand silent leads to nurture. A reply, an opt-out, a disqualification or a booked meeting
 * ends the active sequence the moment it arrives.
 */
public class LeadWorkflowImpl implements LeadWorkflow {

  private static final Duration DEFERRAL_RETRY = Duration.ofMinutes(5);
  // Workflow.getVersion change ids: code added while leads were running.
  private static final String TIER_ACTIONS = "tier-actions";
  private static final String NURTURE_RESCORE = "nurture-rescore";
  private static final String LOCAL_STORE = "local-store";
  private static final String LOCAL_LOOKUPS = "local-lookups";
  private static final Duration ENRICH_ATTEMPT = Duration.ofSeconds(30);
  // Vendor trouble must not hold the lead: after this, route on partial data.
  private static final Duration ENRICH_AT_MOST = Duration.ofMinutes(2);
  private static final Duration ROUTE_ATTEMPT = Duration.ofSeconds(30);

  private final PlaybookActivities playbooks =
      Workflow.newLocalActivityStub(
          PlaybookActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setSummary("Resolve playbook")
              .build());
  private final ScoringActivities scoring =
      Workflow.newLocalActivityStub(
          ScoringActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setSummary("Score")
              .build());
  private final NewLead lead;
  private final LeadSearchAttributes searchAttributes = new LeadSearchAttributes();
  private Playbook playbook;
  private QuietHours quietHours;

  private LeadStatus status;
  private EnrichedLead enriched;
  private LeadScore score;
  private Assignment assignment;
  private String assignedRep;
  private Instant assignedAt;
  private Instant ackDeadline;
  private String acknowledgedBy;
  private Instant acknowledgedAt;
  private String nextTouch;
  private Instant nextTouchAt;
  private final List<Touch> touches = new ArrayList<>();
  private final List<Escalation> escalations = new ArrayList<>();
  private final Set<Channel> optedOut = new LinkedHashSet<>();
  private String closedReason;
  private final List<String> notes = new ArrayList<>();
  private int cadenceRound;
  private int nurtureTouches;
  private final Set<String> seenMessageIds = new LinkedHashSet<>();
  private final Set<String> seenEventIds = new LinkedHashSet<>();
  private final List<EngagementEvent> engagements = new ArrayList<>();

  // Messages received but not yet acted on by the main flow.
  private Reply pendingReply;
  private LeadStatus requestedClose;
  private String requestedCloseReason;
  private final Deque<EngagementEvent> pendingEngagements = new ArrayDeque<>();
  private boolean reEngaged;

  @WorkflowInit
  public LeadWorkflowImpl(LeadInput input) {
    lead = input.lead();
    LeadState carried = input.carried();
    if (carried == null) {
      status = LeadStatus.NEW;
      return;
    }
    status = carried.status();
    enriched = carried.enriched();
    score = carried.score();
    assignment = carried.assignment();
    assignedRep = carried.assignedRep();
    acknowledgedBy = carried.acknowledgedBy();
    acknowledgedAt = carried.acknowledgedAt();
    touches.addAll(carried.touches());
    escalations.addAll(carried.escalations());
    optedOut.addAll(carried.optedOut());
    notes.addAll(carried.notes());
    cadenceRound = carried.cadenceRound();
    nurtureTouches = carried.nurtureTouches();
    seenMessageIds.addAll(carried.seenMessageIds());
    seenEventIds.addAll(carried.seenEventIds());
    engagements.addAll(carried.engagements());
  }

  @Override
  public void run(LeadInput input) {
    playbook = playbooks.currentPlaybook();
    boolean resumingNurture = input.carried() != null;
    if (!resumingNurture) {
      capture();
      enrich();
      scoreLead();
    }
    quietHours = QuietHours.forLead(playbook.quietHours(), enriched);
    noteOnce(quietHours.note());

    while (true) {
      if (!resumingNurture) {
        workTheLead();
        if (replyPending() && !closeRequested()) {
          followUpEngagedLead();
        }
        if (closeRequested()) {
          close();
          return;
        }
      }
      resumingNurture = false;
      if (!nurtureUntilReEngaged()) {
        return;
      }
    }
  }

  // ---- the stages, in the order a lead meets them ----

  private void capture() {
    moveTo(LeadStatus.CAPTURED);
  }

  private void enrich() {
    try {
      enriched = enrichment().enrich(lead);
    } catch (ActivityFailure e) {
      enriched = new EnrichedLead(lead.leadId(), null, null, null, List.of(), true, List.of());
      notes.add("Enrichment unavailable (" + e.getCause().getMessage() + "): routed on partial data");
    }
  }

  private void scoreLead() {
    score = scoring.score(new ScoreRequest(lead, enriched, engagements, now()));
    record();
  }

  private void workTheLead() {
    if (interrupted()) {
      return;
    }
    if (score.tier() == Tier.COLD) {
      notes.add("Cold lead (score " + score.total() + "): nurture without a rep");
      return;
    }
    cadenceRound++;
    route();
    sendInstantReply();
    awaitAcknowledgement();
    runCadence();
  }

  private void route() {
    assignment = routing().route(new RouteRequest(lead, enriched, score));
    assignedRep = assignment.repId();
    assignedAt = now();
    acknowledgedBy = null;
    acknowledgedAt = null;
  }

  /** The first touch goes out at once: speed to lead is the whole point. */
  private void sendInstantReply() {
    Channel channel = lead.email() != null ? Channel.EMAIL : Channel.SMS;
    send(stepId("instant"), "Instant reply · " + channel, channel, "instant-reply");
  }

  private void awaitAcknowledgement() {
    if (interrupted()) {
      return;
    }
    moveTo(LeadStatus.AWAITING_ACK);
    TierAction action = tierAction();
    alertRep(action);
    if (waitForAck(action.ackSla())) {
      return;
    }
    escalate(
        assignment.backupRepId(),
        "Ack SLA of " + describe(action.ackSla()) + " missed by " + assignedRep);
    if (waitForAck(playbook.backupAckSla())) {
      return;
    }
    escalate(
        assignment.managerId(),
        "Ack SLA of " + describe(playbook.backupAckSla()) + " missed by " + assignedRep);
    ackDeadline = null;
  }

  /**
   * What the lead's tier asks of the rep. Executions that began before tiers had actions (no
   * marker in their history), and playbooks recorded without them, keep one SLA for every tier
   * and no call alert.
   */
  private TierAction tierAction() {
    int version = Workflow.getVersion(TIER_ACTIONS, Workflow.DEFAULT_VERSION, 1);
    TierAction byTier = playbook.tierActions() == null ? null : playbook.tierActions().forTier(score.tier());
    if (version == Workflow.DEFAULT_VERSION || byTier == null) {
      return new TierAction(playbook.ackSla(), false);
    }
    return byTier;
  }

  /** A "call now" alert when the tier asks for one, else the ordinary new-lead notice. */
  private void alertRep(TierAction action) {
    String lead = score.tier() + " lead, acknowledge within " + describe(action.ackSla()) + ": " + assignment.reason();
    if (action.callAlert()) {
      notifyRep(assignedRep, "call-now-" + cadenceRound, "Call now: " + lead);
    } else {
      notifyRep(assignedRep, "new-lead-" + cadenceRound, "New " + lead);
    }
  }

  /** True when acknowledged (or interrupted by the lead); false when the SLA ran out. */
  private boolean waitForAck(Duration sla) {
    if (assignedRep == null) {
      return false;
    }
    ackDeadline = now().plus(sla);
    Workflow.setCurrentDetails("Waiting for " + assignedRep + " to acknowledge (SLA " + describe(sla) + ")");
    sleepUntil(ackDeadline, "Ack SLA · " + describe(sla), () -> acknowledgedBy != null || interrupted());
    if (acknowledgedBy != null) {
      ackDeadline = null;
    }
    return acknowledgedBy != null || interrupted();
  }

  private void escalate(String toRep, String reason) {
    if (toRep == null || toRep.equals(assignedRep)) {
      return;
    }
    reassign(toRep, reason);
  }

  private void runCadence() {
    if (interrupted()) {
      return;
    }
    moveTo(LeadStatus.IN_CADENCE);
    CadencePlan plan = playbook.cadence();
    for (CadenceStep step : plan.steps()) {
      Instant due = assignedAt.plus(playbook.day().multipliedBy(step.day() - 1L));
      String label = "Day " + step.day() + " · " + describe(step.channels());
      planNextTouch(label, due);
      if (sleepUntil(due, label, this::interrupted)) {
        return;
      }
      for (Channel channel : step.channels()) {
        send(stepId("d" + step.day()), label, channel, step.template());
        if (interrupted()) {
          return;
        }
      }
    }
    planNextTouch(null, null);
    Workflow.setCurrentDetails("Cadence " + plan.name() + " v" + plan.version() + " done; a last day for a reply");
    sleepUntil(now().plus(playbook.day()), "Last day for a reply", this::interrupted);
  }

  private void followUpEngagedLead() {
    Reply reply = pendingReply;
    pendingReply = null;
    if (assignedRep == null) {
      route();
    }
    planNextTouch(null, null);
    moveTo(LeadStatus.ENGAGED);
    notifyRep(
        assignedRep,
        "reply-" + reply.messageId(),
        "The lead replied by " + reply.channel() + ": the cadence stopped, over to you");
    Workflow.setCurrentDetails("Engaged: waiting for a meeting or an outcome from " + assignedRep);
    sleepUntil(
        now().plus(playbook.engagedFollowUp()), "Engaged · waiting for an outcome", this::closeRequested);
  }

  /**
   * Monthly touches, one per run: each run continues-as-new so history stays bounded however
   * long a lead sleeps. Returns true when the lead came back (a reply, or an engagement that
   * scores it out of cold); false when the lead was closed.
   */
  private boolean nurtureUntilReEngaged() {
    if (status != LeadStatus.NURTURE) {
      moveTo(LeadStatus.NURTURE);
    }
    Instant due = now().plus(playbook.nurtureInterval());
    planNextTouch("Nurture · EMAIL", due);
    Workflow.setCurrentDetails("Nurture: next email " + due);
    sleepUntil(due, "Nurture · EMAIL", () -> interrupted() || reEngaged);
    if (closeRequested()) {
      close();
      return false;
    }
    if (replyPending() || reEngaged) {
      reEngaged = false;
      notes.add("Re-engaged from nurture (score " + score.total() + ", " + score.tier() + ")");
      return true;
    }
    if (Workflow.getVersion(NURTURE_RESCORE, Workflow.DEFAULT_VERSION, 1) == 1) {
      rescoreAfterSilence();
    }
    nurtureTouches++;
    send("nurture-" + nurtureTouches, "Nurture · EMAIL", Channel.EMAIL, "nurture");
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (interrupted() || !pendingEngagements.isEmpty()) {
      absorbEngagements();
      return nurtureUntilReEngaged();
    }
    Workflow.continueAsNew(new LeadInput(lead, state()));
    return false;
  }

  /**
   * A sleeping lead's behavioural points decay with time, not only when it engages: each nurture
   * round scores it again as of now. Silence only lowers a score, so this never re-engages a lead.
   */
  private void rescoreAfterSilence() {
    int before = score.total();
    score = scoring.score(new ScoreRequest(lead, enriched, engagements, now()));
    record();
    if (score.total() != before) {
      notes.add("Re-scored in nurture: " + before + " → " + score.total() + " (" + score.tier() + ")");
    }
  }

  private void close() {
    closedReason = requestedCloseReason;
    planNextTouch(null, null);
    ackDeadline = null;
    moveTo(requestedClose);
    Workflow.setCurrentDetails("Closed: " + closedReason);
  }

  // ---- messages ----

  @Override
  public void validateAcknowledge(String repId) {
    if (status.isClosed()) {
      throw new IllegalStateException("The lead is closed (" + status + "): nothing to acknowledge");
    }
    if (acknowledgedBy != null) {
      throw new IllegalStateException("Already acknowledged by " + acknowledgedBy + " at " + acknowledgedAt);
    }
    if (assignedRep == null) {
      throw new IllegalStateException("The lead is not assigned to anyone yet");
    }
    if (!assignedRep.equals(repId)) {
      throw new IllegalArgumentException(repId + " is not the current assignee (" + assignedRep + ")");
    }
  }

  @Override
  public AckResult acknowledge(String repId) {
    acknowledgedBy = repId;
    acknowledgedAt = now();
    ackDeadline = null;
    return new AckResult(repId, acknowledgedAt);
  }

  @Override
  public void reply(Reply reply) {
    if (reply.messageId() != null && !seenMessageIds.add(reply.messageId())) {
      return;
    }
    if (status.isClosed() || status == LeadStatus.ENGAGED || pendingReply != null) {
      return;
    }
    pendingReply = reply;
  }

  @Override
  public void optOut(OptOut optOut) {
    if (optOut.everyChannel()) {
      requestClose(LeadStatus.OPTED_OUT, "Opted out of every channel");
    } else if (optedOut.add(optOut.channel())) {
      notes.add("Opted out of " + optOut.channel());
    }
  }

  @Override
  public void optIn(Channel channel) {
    if (optedOut.remove(channel)) {
      notes.add("Opted back in to " + channel);
    }
  }

  @Override
  public void disqualify(String reason) {
    requestClose(LeadStatus.DISQUALIFIED, "Disqualified: " + reason);
  }

  @Override
  public void meetingBooked(Instant at) {
    requestClose(LeadStatus.MEETING_BOOKED, "Meeting booked for " + at);
  }

  @Override
  public void engagement(EngagementEvent event) {
    if (!seenEventIds.add(event.eventId()) || status.isClosed()) {
      return;
    }
    pendingEngagements.add(event);
  }

  @Override
  public LeadState state() {
    return new LeadState(
        lead.leadId(),
        status,
        enriched,
        score,
        assignment,
        assignedRep,
        ackDeadline,
        acknowledgedBy,
        acknowledgedAt,
        nextTouch,
        nextTouchAt,
        touches,
        escalations,
        optedOut,
        closedReason,
        notes,
        cadenceRound,
        nurtureTouches,
        seenMessageIds,
        seenEventIds,
        engagements);
  }

  // ---- helpers ----

  private void requestClose(LeadStatus closing, String reason) {
    if (requestedClose == null && !status.isClosed()) {
      requestedClose = closing;
      requestedCloseReason = reason;
    }
  }

  private boolean closeRequested() {
    return requestedClose != null;
  }

  private boolean replyPending() {
    return pendingReply != null;
  }

  /** The lead said something that ends the active sequence. */
  private boolean interrupted() {
    return closeRequested() || replyPending();
  }

  /**
   * Sends one touch unless the lead opted out of the channel; calls and texts wait for the lead's
   * allowed hours first, and again if the sender found the window closed (a retry drifted).
   */
  private void send(String step, String label, Channel channel, String template) {
    while (!interrupted()) {
      if (optedOut.contains(channel)) {
        return;
      }
      if (channel.respectsQuietHours()) {
        Instant allowed = quietHours.nextAllowed(now());
        if (allowed.isAfter(now())) {
          Instant wake = allowed.plus(playbook.quietHours().openingOffset(lead.leadId()));
          planNextTouch(label + " (after quiet hours)", wake);
          sleepUntil(wake, label + " · quiet hours", this::interrupted);
          continue;
        }
      }
      Touch touch =
          outreach(label)
              .sendTouch(
                  new TouchRequest(
                      lead.leadId(),
                      step,
                      channel,
                      template,
                      channel.respectsQuietHours() ? quietHours.toCheck() : null,
                      assignedRep,
                      now()));
      if (touch.outcome() != Touch.Outcome.DEFERRED_QUIET_HOURS) {
        touches.add(touch);
        return;
      }
      Instant retryAt = max(quietHours.nextAllowed(now()), now().plus(DEFERRAL_RETRY));
      sleepUntil(retryAt, label + " · quiet hours", this::interrupted);
    }
  }

  private void reassign(String toRep, String reason) {
    escalations.add(new Escalation(assignedRep, toRep, now(), reason));
    assignedRep = toRep;
    record();
    notifyRep(toRep, "escalation-" + escalations.size(), reason);
  }

  /**
   * Scores engagement events that arrived while the workflow slept. In the cadence a tier upgrade
   * re-routes; in nurture anything warmer than cold brings the lead back.
   */
  private void absorbEngagements() {
    while (!pendingEngagements.isEmpty()) {
      engagements.add(pendingEngagements.poll());
      Tier before = score.tier();
      score = scoring.score(new ScoreRequest(lead, enriched, engagements, now()));
      record();
      if (status == LeadStatus.NURTURE && score.tier() != Tier.COLD) {
        reEngaged = true;
      } else if (status == LeadStatus.IN_CADENCE && score.tier().isAbove(before)) {
        Assignment upgraded = routing().route(new RouteRequest(lead, enriched, score));
        if (!upgraded.repId().equals(assignedRep)) {
          assignment = upgraded;
          reassign(upgraded.repId(), "Tier upgraded " + before + " → " + score.tier() + ": " + upgraded.reason());
        }
      }
    }
  }

  /**
   * A durable wait until {@code until} on a named timer an operator can read in the UI. Ends at
   * once when {@code done} holds; engagement events arriving meanwhile are scored without ending
   * it. Returns true when it ended early.
   */
  private boolean sleepUntil(Instant until, String summary, Supplier<Boolean> done) {
    while (!done.get()) {
      Duration left = Duration.between(now(), until);
      if (left.isNegative() || left.isZero()) {
        return false;
      }
      List<Promise<Void>> timer = new ArrayList<>(1);
      CancellationScope scope =
          Workflow.newCancellationScope(
              () -> timer.add(Workflow.newTimer(left, TimerOptions.newBuilder().setSummary(summary).build())));
      scope.run();
      Workflow.await(() -> timer.get(0).isCompleted() || done.get() || !pendingEngagements.isEmpty());
      boolean fired = timer.get(0).isCompleted();
      if (!fired) {
        scope.cancel();
      }
      absorbEngagements();
      if (fired) {
        return done.get();
      }
    }
    return true;
  }

  private void moveTo(LeadStatus next) {
    status = next;
    record();
  }

  /** Keeps the lead store and the search attributes in step with the workflow. */
  private void record() {
    // acknowledgedAt only adds to the activity's input: histories recorded without it still replay.
    store().recordProgress(new LeadProgress(lead.leadId(), status, score, assignedRep, acknowledgedAt));
    searchAttributes.upsert(status, score, assignedRep, lead.source(), nextTouchAt);
  }

  private void planNextTouch(String label, Instant at) {
    nextTouch = label;
    nextTouchAt = at;
    searchAttributes.upsert(status, score, assignedRep, lead.source(), nextTouchAt);
    if (label != null) {
      Workflow.setCurrentDetails("Next: " + label + " at " + at);
    }
  }

  private void notifyRep(String repId, String kind, String message) {
    outreach("Notify " + repId).notifyRep(new RepNotice(lead.leadId(), repId, kind, message));
  }

  private void noteOnce(String note) {
    if (note != null && !notes.contains(note)) {
      notes.add(note);
    }
  }

  private String stepId(String step) {
    return "r" + cadenceRound + "-" + step;
  }

  private static OutreachActivities outreach(String summary) {
    return Workflow.newActivityStub(
        OutreachActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(60))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(5)).build())
            .setSummary(summary)
            .build());
  }

  /**
   * A lead-store write is one short database update: as a local activity it runs inside the
   * workflow task and saves the service a round trip (an activity task and a workflow task) per
   * status change. Executions that began with ordinary store activities keep them (no marker).
   */
  private LeadStoreActivities store() {
    String summary = "Record " + status;
    if (Workflow.getVersion(LOCAL_STORE, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return Workflow.newActivityStub(
          LeadStoreActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).setSummary(summary).build());
    }
    return Workflow.newLocalActivityStub(
        LeadStoreActivities.class,
        LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).setSummary(summary).build());
  }

  /**
   * Enrichment and routing are short reads and an idempotent write: as local activities they run
   * in the workflow task, so the first touch waits for one activity round trip instead of three.
   * Executions that began with ordinary enrich and route activities keep them (no marker).
   */
  private EnrichmentActivities enrichment() {
    if (lookupsAreRemote()) {
      return Workflow.newActivityStub(
          EnrichmentActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(ENRICH_ATTEMPT)
              .setScheduleToCloseTimeout(ENRICH_AT_MOST)
              .setSummary("Enrich")
              .build());
    }
    return Workflow.newLocalActivityStub(
        EnrichmentActivities.class,
        LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(ENRICH_ATTEMPT)
            .setScheduleToCloseTimeout(ENRICH_AT_MOST)
            .setSummary("Enrich")
            .build());
  }

  private RoutingActivities routing() {
    if (lookupsAreRemote()) {
      return Workflow.newActivityStub(
          RoutingActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(ROUTE_ATTEMPT).setSummary("Route").build());
    }
    return Workflow.newLocalActivityStub(
        RoutingActivities.class,
        LocalActivityOptions.newBuilder().setStartToCloseTimeout(ROUTE_ATTEMPT).setSummary("Route").build());
  }

  private static boolean lookupsAreRemote() {
    return Workflow.getVersion(LOCAL_LOOKUPS, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static String describe(Duration duration) {
    return duration.toString().substring(2).toLowerCase();
  }

  private static String describe(List<Channel> channels) {
    return channels.stream().map(Channel::name).collect(Collectors.joining(" + "));
  }
}
