package io.leadflow.api.reports;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.leadflow.api.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * With seeded leads, {@code /api/v1/reports/...} and {@code /actuator/prometheus} tell the same
 * figures; the Temporal SDK's own metrics are exported next to them.
 */
class ReportMetricsTest extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired ReportMetrics metrics;

  private ReportSeed leads;

  @BeforeEach
  void seed() {
    leads = new ReportSeed(jdbc);
  }

  @AfterEach
  void removeSeed() {
    leads.close();
  }

  @Test
  void theSpeedToLeadReportAndPrometheusAgreeOnSeededLeads() {
    Instant capturedAt = Instant.now().minus(1, ChronoUnit.HOURS);
    String source = leads.name("partner");
    String rep = leads.name("ana");
    leads.lead(source, "HOT", capturedAt).routedTo(rep).acknowledgedBy(rep, ofSeconds(60))
        .touch("r1-instant", "EMAIL", "SENT", ofSeconds(2)).save();
    leads.lead(source, "HOT", capturedAt).routedTo(rep).acknowledgedBy(rep, ofSeconds(90))
        .touch("r1-instant", "EMAIL", "SENT", ofSeconds(4)).save();
    leads.lead(source, "WARM", capturedAt).status("AWAITING_ACK").routedTo(rep).escalatedTo("ben", ofSeconds(300))
        .touch("r1-instant", "EMAIL", "SENT", ofSeconds(10)).save();
    leads.lead(source, "HOT", capturedAt).status("ENGAGED").routedTo(rep).acknowledgedBy(rep, ofSeconds(30))
        .engaged(Duration.ofMinutes(30)).touch("r1-instant", "EMAIL", "SENT", ofSeconds(3)).save();

    metrics.refresh();
    JsonNode report = body(get("/api/v1/reports/speed-to-lead", MANAGER));
    PrometheusText prometheus = new PrometheusText(get("/actuator/prometheus", MANAGER).body());

    JsonNode bySource = row(report, "bySource", source);
    assertThat(bySource.get("firstTouch").get("medianSeconds").asDouble()).isEqualTo(3.5);
    assertThat(bySource.get("acknowledgement").get("medianSeconds").asDouble()).isEqualTo(60.0);
    assertThat(bySource.get("sla").get("compliancePercent").asDouble()).isEqualTo(75.0);
    assertAgree(prometheus, "source", bySource);
    assertAgree(prometheus, "rep", row(report, "byRep", rep));

    JsonNode funnel = row(body(get("/api/v1/reports/funnel", MANAGER)), "bySource", source);
    assertThat(funnel.get("engaged").asLong()).isEqualTo(1);
    for (String stage : new String[] {"captured", "contacted", "engaged"}) {
      assertThat(sample(prometheus, "leadflow_funnel_leads", Map.of("source", source, "stage", stage)))
          .isEqualTo(funnel.get(stage).asDouble());
    }
    JsonNode routing = row(body(get("/api/v1/reports/routing-health", MANAGER)), "byRep", rep);
    assertThat(routing.get("escalationPercent").asDouble()).isEqualTo(25.0);
    assertThat(sample(prometheus, "leadflow_routing_escalation_percent", Map.of("rep", rep)))
        .isEqualTo(routing.get("escalationPercent").asDouble());
  }

  @Test
  void theTemporalSdkMetricsAreExportedNextToLeadflowsOwn() {
    routedLead();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> new PrometheusText(get("/actuator/prometheus", ADMIN).body()).hasMetricStartingWith("temporal_"));
    PrometheusText prometheus = new PrometheusText(get("/actuator/prometheus", ADMIN).body());
    // The client's calls to the service, and the (in-process) worker's workflow tasks.
    assertThat(prometheus.hasMetricStartingWith("temporal_request_latency_seconds_count")).isTrue();
    assertThat(prometheus.hasMetricStartingWith("temporal_workflow_task_execution_latency_seconds_count")).isTrue();
    assertThat(prometheus.hasMetricStartingWith("leadflow_capture_outbox_backlog")).isTrue();
    assertThat(prometheus.hasMetricStartingWith("leadflow_stuck_leads")).isTrue();
  }

  private static void assertAgree(PrometheusText prometheus, String by, JsonNode row) {
    Map<String, String> group = Map.of("by", by, "group", row.get("group").asString());
    assertThat(sample(prometheus, "leadflow_speed_to_lead_leads", group)).isEqualTo(row.get("leads").asDouble());
    for (String measure : new String[] {"firstTouch", "acknowledgement"}) {
      String name = measure.equals("firstTouch") ? "leadflow_speed_to_lead_first_touch_seconds" : "leadflow_speed_to_lead_acknowledgement_seconds";
      assertThat(sample(prometheus, name, with(group, "stat", "median")))
          .isCloseTo(row.get(measure).get("medianSeconds").asDouble(), within(1e-9));
      assertThat(sample(prometheus, name, with(group, "stat", "p90")))
          .isCloseTo(row.get(measure).get("p90Seconds").asDouble(), within(1e-9));
    }
    assertThat(sample(prometheus, "leadflow_speed_to_lead_sla_compliance_percent", group))
        .isCloseTo(row.get("sla").get("compliancePercent").asDouble(), within(1e-9));
  }

  private static double sample(PrometheusText prometheus, String name, Map<String, String> labels) {
    OptionalDouble value = prometheus.value(name, labels);
    assertThat(value).as(name + labels).isPresent();
    return value.getAsDouble();
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> more = new HashMap<>(labels);
    more.put(key, value);
    return more;
  }

  private static JsonNode row(JsonNode report, String dimension, String group) {
    return StreamSupport.stream(report.get(dimension).spliterator(), false)
        .filter(r -> r.get("group").asString().equals(group))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + dimension + " row " + group));
  }
}
