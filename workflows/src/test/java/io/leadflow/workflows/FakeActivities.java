package io.leadflow.workflows;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every activity the lead workflow calls, mocked with the happy path of {@link Leads}: a hot lead
 * in New York routed to {@link Leads#TEAM}. The sends (with the workflow time of each) and the rep
 * notices are recorded for assertions.
 */
final class FakeActivities {

  record Sent(TouchRequest request, Instant at) {
    /** The cadence day of the send; 0 for the instant reply and nurture emails. */
    int day() {
      String step = request.step();
      return step.contains("-d") ? Integer.parseInt(step.substring(step.indexOf("-d") + 2)) : 0;
    }
  }

  final PlaybookActivities playbooks = mock(PlaybookActivities.class, withSettings().withoutAnnotations());
  final EnrichmentActivities enrichment = mock(EnrichmentActivities.class, withSettings().withoutAnnotations());
  final ScoringActivities scoring = mock(ScoringActivities.class, withSettings().withoutAnnotations());
  final RoutingActivities routing = mock(RoutingActivities.class, withSettings().withoutAnnotations());
  final OutreachActivities outreach = mock(OutreachActivities.class, withSettings().withoutAnnotations());
  final LeadStoreActivities store = mock(LeadStoreActivities.class, withSettings().withoutAnnotations());
  final CrmActivities crm = mock(CrmActivities.class, withSettings().withoutAnnotations());

  final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
  final List<RepNotice> notices = Collections.synchronizedList(new ArrayList<>());
  /** What the CRM took, in the order it took it: {@link CrmLeadUpdate}s and {@link CrmTouchUpdate}s. */
  final List<Object> crmGot = Collections.synchronizedList(new ArrayList<>());

  FakeActivities(Supplier<Instant> clock) {
    when(playbooks.currentPlaybook()).thenReturn(Leads.PLAYBOOK);
    enrichedIn(List.of("America/New_York"), "US", "NY");
    when(scoring.score(any())).thenReturn(Leads.HOT);
    when(routing.route(any())).thenReturn(Leads.TEAM);
    doAnswer(
            call -> {
              TouchRequest request = call.getArgument(0);
              Instant at = clock.get();
              sent.add(new Sent(request, at));
              return new Touch(request.step(), request.channel(), Touch.Outcome.SENT, "dry-run", "m-" + sent.size(), at);
            })
        .when(outreach)
        .sendTouch(any());
    doAnswer(
            call -> {
              notices.add(call.getArgument(0));
              return null;
            })
        .when(outreach)
        .notifyRep(any());
    doAnswer(
            call -> {
              CrmLeadUpdate update = call.getArgument(0);
              crmGot.add(update);
              return new CrmRecord("fake-crm", "c-" + update.leadId());
            })
        .when(crm)
        .syncLead(any());
    doAnswer(
            call -> {
              CrmTouchUpdate update = call.getArgument(0);
              crmGot.add(update);
              return new CrmRecord("fake-crm", "c-" + update.leadId());
            })
        .when(crm)
        .logTouch(any());
  }

  Object[] all() {
    return new Object[] {playbooks, enrichment, scoring, routing, outreach, store};
  }

  void enrichedIn(List<String> zones, String country, String region) {
    doAnswer(
            call -> {
              NewLead lead = call.getArgument(0);
              return new EnrichedLead(lead.leadId(), "acme.test", country, region, zones, false, List.of());
            })
        .when(enrichment)
        .enrich(any());
  }

  List<Sent> sentOn(Channel channel) {
    synchronized (sent) {
      return sent.stream().filter(s -> s.request().channel() == channel).toList();
    }
  }

  List<Sent> cadenceSends() {
    synchronized (sent) {
      return sent.stream().filter(s -> s.day() > 0).toList();
    }
  }
}
