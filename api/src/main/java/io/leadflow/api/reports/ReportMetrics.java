package io.leadflow.api.reports;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reports' figures as gauges (so at {@code /actuator/prometheus}), from the very queries the
 * report endpoints run, over the leads captured in a rolling window
 * ({@code leadflow.reports.metrics.window}, 7 days), recomputed every
 * {@code leadflow.reports.metrics.refresh} (1 minute). Tags {@code by} (all, source, tier, rep)
 * and {@code group}; at most {@code leadflow.reports.metrics.max-groups} groups per dimension, the
 * largest, so a flood of new sources cannot flood Prometheus.
 */
@Component
class ReportMetrics {

  private static final Logger log = LoggerFactory.getLogger(ReportMetrics.class);

  private final SpeedToLeadQuery speedToLead;
  private final FunnelQuery funnel;
  private final RoutingHealthQuery routingHealth;
  private final Duration window;
  private final int maxGroups;
  private final Clock clock = Clock.systemUTC();

  private final MultiGauge firstTouch;
  private final MultiGauge acknowledgement;
  private final MultiGauge slaCompliance;
  private final MultiGauge leads;
  private final MultiGauge funnelStages;
  private final MultiGauge funnelSteps;
  private final MultiGauge escalation;
  private final MultiGauge reassignment;
  private final AtomicLong awaitingAck = new AtomicLong();
  private final AtomicLong stuckLeads = new AtomicLong();

  ReportMetrics(
      SpeedToLeadQuery speedToLead,
      FunnelQuery funnel,
      RoutingHealthQuery routingHealth,
      MeterRegistry registry,
      @Value("${leadflow.reports.metrics.window:7d}") Duration window,
      @Value("${leadflow.reports.metrics.max-groups:50}") int maxGroups) {
    this.speedToLead = speedToLead;
    this.funnel = funnel;
    this.routingHealth = routingHealth;
    this.window = window;
    this.maxGroups = maxGroups;
    String over = " of the leads captured in the last " + window;
    firstTouch = gauge(registry, "leadflow.speed_to_lead.first_touch", "seconds", "Capture to first touch sent" + over);
    acknowledgement =
        gauge(registry, "leadflow.speed_to_lead.acknowledgement", "seconds", "Capture to first acknowledgement" + over);
    slaCompliance =
        gauge(registry, "leadflow.speed_to_lead.sla_compliance", "percent", "Acknowledged within the ack SLA" + over);
    leads = gauge(registry, "leadflow.speed_to_lead", "leads", "Leads captured in the last " + window);
    funnelStages = gauge(registry, "leadflow.funnel", "leads", "Funnel stages and exits" + over);
    funnelSteps = gauge(registry, "leadflow.funnel.step", "leads", "Leads touched by, and replying after, each cadence step" + over);
    escalation = gauge(registry, "leadflow.routing.escalation", "percent", "Routed leads escalated for a missed ack SLA" + over);
    reassignment = gauge(registry, "leadflow.routing.reassignment", "percent", "Routed leads that changed owner" + over);
    Gauge.builder("leadflow.routing.awaiting_ack", awaitingAck, AtomicLong::get)
        .baseUnit("leads")
        .description("Leads waiting for an acknowledgement now")
        .register(registry);
    Gauge.builder("leadflow.stuck_leads", stuckLeads, AtomicLong::get)
        .description("Leads with a step failing for longer than leadflow.stuck-leads.threshold")
        .register(registry);
  }

  @Scheduled(
      initialDelayString = "${leadflow.reports.metrics.initial-delay:5s}",
      fixedDelayString = "${leadflow.reports.metrics.refresh:60s}")
  void refresh() {
    try {
      ReportPeriod period = ReportPeriod.endingAt(clock.instant(), window);
      speedToLeadRows(speedToLead.run(period));
      funnelRows(funnel.run(period, Attribution.FIRST));
      routingRows(routingHealth.run(period));
    } catch (RuntimeException e) {
      log.warn("Report metrics not refreshed, the last figures stay: {}", e.getMessage());
    }
  }

  private void speedToLeadRows(SpeedToLeadReport report) {
    List<MultiGauge.Row<?>> firstTouchRows = new ArrayList<>();
    List<MultiGauge.Row<?>> ackRows = new ArrayList<>();
    List<MultiGauge.Row<?>> slaRows = new ArrayList<>();
    List<MultiGauge.Row<?>> leadRows = new ArrayList<>();
    add(firstTouchRows, ackRows, slaRows, leadRows, "all", List.of(report.overall()));
    add(firstTouchRows, ackRows, slaRows, leadRows, "source", report.bySource());
    add(firstTouchRows, ackRows, slaRows, leadRows, "tier", report.byTier());
    add(firstTouchRows, ackRows, slaRows, leadRows, "rep", report.byRep());
    firstTouch.register(firstTouchRows, true);
    acknowledgement.register(ackRows, true);
    slaCompliance.register(slaRows, true);
    leads.register(leadRows, true);
  }

  private void add(
      List<MultiGauge.Row<?>> firstTouchRows,
      List<MultiGauge.Row<?>> ackRows,
      List<MultiGauge.Row<?>> slaRows,
      List<MultiGauge.Row<?>> leadRows,
      String by,
      List<SpeedToLeadReport.Row> rows) {
    for (SpeedToLeadReport.Row row : largest(rows)) {
      Tags tags = Tags.of("by", by, "group", row.group());
      delay(firstTouchRows, tags, row.firstTouch());
      delay(ackRows, tags, row.acknowledgement());
      if (row.sla().compliancePercent() != null) {
        slaRows.add(MultiGauge.Row.of(tags, row.sla().compliancePercent()));
      }
      leadRows.add(MultiGauge.Row.of(tags, row.leads()));
    }
  }

  private static void delay(List<MultiGauge.Row<?>> rows, Tags tags, SpeedToLeadReport.Delay delay) {
    if (delay.medianSeconds() != null) {
      rows.add(MultiGauge.Row.of(tags.and("stat", "median"), delay.medianSeconds()));
      rows.add(MultiGauge.Row.of(tags.and("stat", "p90"), delay.p90Seconds()));
    }
  }

  private void funnelRows(FunnelReport report) {
    List<MultiGauge.Row<?>> stages = new ArrayList<>();
    List<FunnelReport.Row> groups = new ArrayList<>(List.of(report.overall()));
    groups.addAll(largest(report.bySource()));
    for (FunnelReport.Row row : groups) {
      Tags source = Tags.of("source", row.group());
      stages.add(MultiGauge.Row.of(source.and("stage", "captured"), row.captured()));
      stages.add(MultiGauge.Row.of(source.and("stage", "contacted"), row.contacted()));
      stages.add(MultiGauge.Row.of(source.and("stage", "engaged"), row.engaged()));
      stages.add(MultiGauge.Row.of(source.and("stage", "meeting_booked"), row.meetingBooked()));
      stages.add(MultiGauge.Row.of(source.and("stage", "disqualified"), row.disqualified()));
      stages.add(MultiGauge.Row.of(source.and("stage", "nurture"), row.nurture()));
      stages.add(MultiGauge.Row.of(source.and("stage", "opted_out"), row.optedOut()));
    }
    funnelStages.register(stages, true);
    List<MultiGauge.Row<?>> steps = new ArrayList<>();
    for (FunnelReport.Step step : report.bySteps()) {
      steps.add(MultiGauge.Row.of(Tags.of("step", step.step(), "outcome", "touched"), step.touched()));
      steps.add(MultiGauge.Row.of(Tags.of("step", step.step(), "outcome", "replied"), step.replies()));
    }
    funnelSteps.register(steps, true);
  }

  private void routingRows(RoutingHealthReport report) {
    List<MultiGauge.Row<?>> escalated = new ArrayList<>();
    List<MultiGauge.Row<?>> reassigned = new ArrayList<>();
    List<RoutingHealthReport.Row> groups = new ArrayList<>(List.of(report.overall()));
    groups.addAll(largest(report.byRep()));
    for (RoutingHealthReport.Row row : groups) {
      Tags rep = Tags.of("rep", row.group());
      if (row.escalationPercent() != null) {
        escalated.add(MultiGauge.Row.of(rep, row.escalationPercent()));
        reassigned.add(MultiGauge.Row.of(rep, row.reassignmentPercent()));
      }
    }
    escalation.register(escalated, true);
    reassignment.register(reassigned, true);
    awaitingAck.set(report.awaitingAckNow());
    stuckLeads.set(report.stuckLeadsNow());
  }

  /** Rows come largest first. */
  private <T> List<T> largest(List<T> rows) {
    return rows.size() <= maxGroups ? rows : rows.subList(0, maxGroups);
  }

  private static MultiGauge gauge(MeterRegistry registry, String name, String unit, String description) {
    return MultiGauge.builder(name).baseUnit(unit).description(description).register(registry);
  }
}
