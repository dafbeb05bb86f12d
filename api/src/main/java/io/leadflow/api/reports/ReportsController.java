package io.leadflow.api.reports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * RevOps and operator reports (MANAGER, ADMIN). Every report but the waiting list covers the leads
 * captured in {@code [from, to)}, ISO-8601 instants, by default the last seven days.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportsController {

  private final SpeedToLeadQuery speedToLead;
  private final FunnelQuery funnel;
  private final RoutingHealthQuery routingHealth;
  private final AwaitingAck awaitingAck;
  private final Clock clock = Clock.systemUTC();

  ReportsController(
      SpeedToLeadQuery speedToLead, FunnelQuery funnel, RoutingHealthQuery routingHealth, AwaitingAck awaitingAck) {
    this.speedToLead = speedToLead;
    this.funnel = funnel;
    this.routingHealth = routingHealth;
    this.awaitingAck = awaitingAck;
  }

  @GetMapping("/speed-to-lead")
  SpeedToLeadReport speedToLead(
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to) {
    return speedToLead.run(ReportPeriod.of(from, to, clock.instant()));
  }

  /** {@code attribution}: which capture of each lead its source and campaign are taken from (FIRST by default). */
  @GetMapping("/funnel")
  FunnelReport funnel(
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "FIRST") Attribution attribution) {
    return funnel.run(ReportPeriod.of(from, to, clock.instant()), attribution);
  }

  @GetMapping("/routing-health")
  RoutingHealthReport routingHealth(
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to) {
    return routingHealth.run(ReportPeriod.of(from, to, clock.instant()));
  }

  /** Leads waiting for an acknowledgement right now, with their live ack deadline, most urgent first. */
  @GetMapping("/awaiting-ack")
  List<WaitingLead> awaitingAck(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return awaitingAck.mostUrgent(limit);
  }
}
