package io.leadflow.api.leads;

import io.leadflow.activities.store.CaptureAttributes;
import io.leadflow.activities.store.CaptureRepository;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.consent.Consents;
import io.leadflow.activities.store.StepsGaveUp;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.api.queries.LeadStateQueries;
import io.leadflow.api.security.ApiPrincipal;
import io.leadflow.api.security.Role;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.Tier;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leads")
class LeadController {

  private final LeadAccess access;
  private final LeadSearch search;
  private final TouchRepository touches;
  private final CaptureRepository captures;
  private final CaptureAttributes attributes;
  private final LeadStateQueries live;
  private final LeadTimeline timeline;
  private final LeadInsights insights;
  private final StepsGaveUp stepsGaveUp;
  private final Consents consents;

  LeadController(
      LeadAccess access,
      LeadSearch search,
      TouchRepository touches,
      CaptureRepository captures,
      CaptureAttributes attributes,
      LeadStateQueries live,
      LeadTimeline timeline,
      LeadInsights insights,
      StepsGaveUp stepsGaveUp,
      Consents consents) {
    this.access = access;
    this.search = search;
    this.touches = touches;
    this.captures = captures;
    this.attributes = attributes;
    this.live = live;
    this.timeline = timeline;
    this.insights = insights;
    this.stepsGaveUp = stepsGaveUp;
    this.consents = consents;
  }

  /**
   * Only the caller's {@link LeadScope}: a manager's filters narrow their team; reps always see
   * only their own leads, whatever {@code assignedRep} they ask for.
   */
  @GetMapping
  LeadPage leads(
      @RequestParam(required = false) LeadStatus status,
      @RequestParam(required = false) Tier tier,
      @RequestParam(required = false) String assignedRep,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) Instant createdFrom,
      @RequestParam(required = false) Instant createdTo,
      @RequestParam(required = false) UUID captureId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
      @AuthenticationPrincipal ApiPrincipal caller) {
    String rep = caller.role() == Role.REP ? caller.repId() : assignedRep;
    return search.find(
        LeadScope.of(caller), new LeadSearch.Filter(status, tier, rep, source, createdFrom, createdTo, captureId), cursor, limit);
  }

  @GetMapping("/{id}")
  LeadView lead(@PathVariable String id, @AuthenticationPrincipal ApiPrincipal caller) {
    Lead lead = access.visibleLead(id, caller);
    LeadStateQueries.Answer live = this.live.stateOf(lead.id());
    return LeadView.of(
        lead,
        insights.enrichment(lead.id()).orElse(null),
        insights.routing(lead.id()).orElse(null),
        captures.findByLeadIdOrderByIdAsc(lead.id()),
        attributes.byCapture(lead.id()),
        captures.firstTouchCapture(lead.id()).orElse(null),
        captures.lastTouchCapture(lead.id()).orElse(null),
        touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id()),
        stepsGaveUp.of(lead.id()),
        consents.of(lead.id()),
        live.state() == null ? null : LeadView.Live.of(live.state()),
        live.unanswered());
  }

  @GetMapping("/{id}/timeline")
  List<TimelineEvent> timeline(@PathVariable String id, @AuthenticationPrincipal ApiPrincipal caller) {
    return timeline.of(access.visibleLead(id, caller));
  }
}
