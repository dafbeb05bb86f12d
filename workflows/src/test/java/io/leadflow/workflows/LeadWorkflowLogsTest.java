package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** A normal lead leaves nothing in the worker's log at WARN or above, and no stack trace. */
class LeadWorkflowLogsTest {

  // The in-process test service has no worker heartbeats; the SDK says so once per worker.
  private static final String TEST_SERVICE_HEARTBEATS = "io.temporal.internal.worker.HeartbeatManager";

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    root.detachAppender(logged);
  }

  @Test
  void aLeadFromTheAckSlaThroughEscalationAndTheCadenceIntoNurtureLogsNoWarning() {
    LeadWorkflow workflow = temporal.start(Leads.lead("quiet-1"));
    temporal.sleep(Duration.ofMinutes(6)); // ana missed the 5-minute SLA: ben has it
    workflow.acknowledge("ben"); // ends the backup's SLA timer early: a cancelled timer
    temporal.sleep(Duration.ofDays(2));
    workflow.engagement(new EngagementEvent("pricing-page-visit", "/pricing", "pv-1")); // cancels the day-3 timer
    temporal.sleep(Duration.ofDays(14)); // the rest of the cadence and its last day, into nurture
    temporal.sleep(Duration.ofDays(31)); // a nurture email, then continue-as-new ends the first run

    LeadState state = temporal.current("quiet-1").state();
    assertThat(state.status()).isEqualTo(LeadStatus.NURTURE);
    assertThat(state.escalations()).hasSize(1);
    assertThat(state.nurtureTouches()).isEqualTo(1);
    assertThat(activities.cadenceSends()).hasSize(6);
    assertThat(logged.list)
        .filteredOn(event -> !event.getLoggerName().equals(TEST_SERVICE_HEARTBEATS))
        .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN) || event.getThrowableProxy() != null);
  }
}
