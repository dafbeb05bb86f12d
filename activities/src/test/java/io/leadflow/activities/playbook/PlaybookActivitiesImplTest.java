package io.leadflow.activities.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.leadflow.activities.ActivitiesTestApplication;
import io.leadflow.workflows.CadenceStep;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.Playbook;
import io.leadflow.workflows.QuietHoursPolicy.Window;
import io.leadflow.workflows.Tier;
import io.leadflow.workflows.TierAction;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class PlaybookActivitiesImplTest {

  private static Playbook playbookWith(String... properties) {
    return playbookIn(new StandardEnvironment(), properties);
  }

  /** As if these were the process's environment variables (relaxed binding of LEADFLOW_*). */
  private static Playbook playbookWithEnv(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return playbookIn(environment);
  }

  private static Playbook playbookIn(StandardEnvironment environment, String... args) {
    SpringApplication app = new SpringApplication(ActivitiesTestApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setEnvironment(environment);
    try (ConfigurableApplicationContext context = app.run(args)) {
      return context.getBean(PlaybookActivitiesImpl.class).currentPlaybook();
    }
  }

  /** Leads started while a CRM is configured keep it in step; without one nothing calls a CRM. */
  @Test
  void thePlaybookSaysWhetherACrmIsConfigured() {
    assertThat(playbookWith().crmSync()).isFalse();
    assertThat(playbookWith("--leadflow.crm.provider=hubspot", "--leadflow.crm.hubspot.token=pat-test").crmSync()).isTrue();
  }

  /** Every template a lead's touches may send is pinned at its newest version when the playbook is resolved. */
  @Test
  void thePlaybookPinsTheTemplatesItsTouchesSend() {
    Playbook playbook = playbookWith();

    assertThat(playbook.templates().of(Channel.EMAIL))
        .containsKeys("instant-reply", "instant-reply-hot", "nurture", "d3-value", "d8-case-study", "d14-break-up", "default");
    assertThat(playbook.templates().of(Channel.SMS)).containsKeys("instant-reply", "instant-reply-hot", "d1-intro", "default");
    assertThat(playbook.templates().of(Channel.CALL)).isEqualTo(playbook.templates().of(Channel.SMS));
  }

  @Test
  void withoutConfigurationTheDefaultPlaybookApplies() {
    Playbook playbook = playbookWith();

    assertThat(playbook.tierActions().hot().ackSla()).isEqualTo(Duration.ofMinutes(5));
    assertThat(playbook.backupAckSla()).isEqualTo(Duration.ofMinutes(10));
    assertThat(playbook.day()).isEqualTo(Duration.ofHours(24));
    assertThat(playbook.engagedFollowUp()).isEqualTo(Duration.ofDays(14));
    assertThat(playbook.nurtureInterval()).isEqualTo(Duration.ofDays(30));
    assertThat(playbook.cadence().name()).isEqualTo("default");
    assertThat(playbook.cadence().version()).isEqualTo(1);
    assertThat(playbook.cadence().steps())
        .extracting(CadenceStep::day, CadenceStep::channels, CadenceStep::template)
        .containsExactly(
            tuple(1, List.of(Channel.CALL, Channel.SMS), "d1-intro"),
            tuple(3, List.of(Channel.EMAIL), "d3-value"),
            tuple(5, List.of(Channel.CALL), "d5-call"),
            tuple(8, List.of(Channel.EMAIL), "d8-case-study"),
            tuple(14, List.of(Channel.EMAIL), "d14-break-up"));
    Window eightToEight = new Window(LocalTime.of(8, 0), LocalTime.of(20, 0));
    assertThat(playbook.quietHours().window()).isEqualTo(new Window(LocalTime.of(8, 0), LocalTime.of(21, 0)));
    assertThat(playbook.quietHours().regionOverrides())
        .containsOnly(Map.entry("US-FL", eightToEight), Map.entry("US-OK", eightToEight), Map.entry("US-WA", eightToEight));
    assertThat(playbook.quietHours().windowFor("US", "NY").end()).isEqualTo(LocalTime.of(21, 0));
    assertThat(playbook.quietHours().fallbackZones())
        .containsExactly("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles");
    assertThat(playbook.quietHours().openingSpread()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aCompressedDayAndShorterSlasComeFromConfiguration() {
    Playbook playbook =
        playbookWith(
            "--leadflow.lifecycle.day=10s",
            "--leadflow.lifecycle.ack-sla=20s",
            "--leadflow.lifecycle.cadence.name=short",
            "--leadflow.lifecycle.cadence.version=2",
            "--leadflow.lifecycle.cadence.steps[0].day=1",
            "--leadflow.lifecycle.cadence.steps[0].channels=EMAIL,TASK",
            "--leadflow.lifecycle.cadence.steps[0].template=hello",
            "--leadflow.lifecycle.quiet-hours.window.start=09:00",
            "--leadflow.lifecycle.quiet-hours.window.end=18:00",
            "--leadflow.lifecycle.quiet-hours.opening-spread=0s");

    assertThat(playbook.day()).isEqualTo(Duration.ofSeconds(10));
    assertThat(playbook.tierActions().hot().ackSla()).isEqualTo(Duration.ofSeconds(20));
    assertThat(playbook.backupAckSla()).isEqualTo(Duration.ofMinutes(10));
    assertThat(playbook.cadence().name()).isEqualTo("short");
    assertThat(playbook.cadence().version()).isEqualTo(2);
    assertThat(playbook.cadence().steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.channels()).containsExactly(Channel.EMAIL, Channel.TASK);
              assertThat(s.template()).isEqualTo("hello");
            });
    assertThat(playbook.quietHours().window()).isEqualTo(new Window(LocalTime.of(9, 0), LocalTime.of(18, 0)));
    assertThat(playbook.quietHours().openingSpread()).isZero();
  }

  @Test
  void oneNestedSettingKeepsTheDefaultsBesideIt() {
    Playbook playbook =
        playbookWith(
            "--leadflow.lifecycle.cadence.name=spring-campaign",
            "--leadflow.lifecycle.quiet-hours.window.start=09:00",
            "--leadflow.lifecycle.quiet-hours.window.end=20:30");

    assertThat(playbook.cadence().name()).isEqualTo("spring-campaign");
    assertThat(playbook.cadence().version()).isEqualTo(1);
    assertThat(playbook.cadence().steps()).extracting(CadenceStep::day).containsExactly(1, 3, 5, 8, 14);
    assertThat(playbook.quietHours().windowFor("US", "NY")).isEqualTo(new Window(LocalTime.of(9, 0), LocalTime.of(20, 30)));
    assertThat(playbook.quietHours().windowFor("US", "FL").end()).isEqualTo(LocalTime.of(20, 0));
    assertThat(playbook.quietHours().fallbackZones()).hasSize(4);
  }

  @Test
  void byDefaultHotLeadsGetACallAlertAndWarmLeadsTheSameDay() {
    Playbook playbook = playbookWith();

    assertThat(playbook.tierActions().forTier(Tier.HOT)).isEqualTo(new TierAction(Duration.ofMinutes(5), true));
    assertThat(playbook.tierActions().forTier(Tier.WARM)).isEqualTo(new TierAction(Duration.ofHours(4), false));
    assertThat(playbook.tierActions().forTier(Tier.COLD)).isNull();
  }

  @Test
  void eachTiersSlaAndCallAlertComeFromConfiguration() {
    Playbook playbook =
        playbookWith(
            "--leadflow.lifecycle.tiers.hot.ack-sla=2m",
            "--leadflow.lifecycle.tiers.warm.ack-sla=8h",
            "--leadflow.lifecycle.tiers.warm.call-alert=true");

    assertThat(playbook.tierActions().hot()).isEqualTo(new TierAction(Duration.ofMinutes(2), true));
    assertThat(playbook.tierActions().warm()).isEqualTo(new TierAction(Duration.ofHours(8), true));
  }

  @Test
  void theHotSlaFollowsTheAckSlaUnlessSetAndOneSettingLeavesTheOtherTier() {
    Playbook playbook =
        playbookWithEnv(
            Map.of("LEADFLOW_LIFECYCLE_ACK_SLA", "20s", "LEADFLOW_LIFECYCLE_TIERS_HOT_CALL_ALERT", "false"));

    assertThat(playbook.tierActions().hot()).isEqualTo(new TierAction(Duration.ofSeconds(20), false));
    assertThat(playbook.tierActions().warm()).isEqualTo(new TierAction(Duration.ofHours(4), false));
  }

  @Test
  void aTierSlaOfZeroIsRefusedAtStartup() {
    assertThatThrownBy(() -> playbookWith("--leadflow.lifecycle.tiers.warm.ack-sla=0s"))
        .hasStackTraceContaining("leadflow.lifecycle.tiers: ack-sla must be positive");
  }

  @Test
  void aWindowWithoutItsStartIsRefusedAtStartup() {
    assertThatThrownBy(() -> playbookWith("--leadflow.lifecycle.quiet-hours.window.end=20:00"))
        .hasStackTraceContaining("leadflow.lifecycle.quiet-hours.window needs both a start and an end");
  }

  @Test
  void aSpreadAsLongAsAWindowIsRefusedAtStartup() {
    // Florida's default window is 12 hours: a 12-hour spread would push calls past its end.
    assertThatThrownBy(() -> playbookWith("--leadflow.lifecycle.quiet-hours.opening-spread=12h"))
        .hasStackTraceContaining("opening-spread must be at least 0s and shorter than the shortest window");
  }

  @Test
  void environmentVariablesCompressTheLifecycleForADemo() {
    Playbook playbook =
        playbookWithEnv(
            Map.of(
                "LEADFLOW_LIFECYCLE_DAY", "10s",
                "LEADFLOW_LIFECYCLE_ACK_SLA", "20s",
                "LEADFLOW_LIFECYCLE_BACKUP_ACK_SLA", "30s"));

    assertThat(playbook.day()).isEqualTo(Duration.ofSeconds(10));
    assertThat(playbook.tierActions().hot().ackSla()).isEqualTo(Duration.ofSeconds(20));
    assertThat(playbook.backupAckSla()).isEqualTo(Duration.ofSeconds(30));
    assertThat(playbook.cadence().steps()).hasSize(5);
  }

  @Test
  void theNewestSavedVersionOfTheCadenceWinsOverTheConfiguredSteps() {
    String name = "saved-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    SpringApplication app = new SpringApplication(ActivitiesTestApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    try (ConfigurableApplicationContext context = app.run("--leadflow.lifecycle.cadence.name=" + name)) {
      PlaybookActivitiesImpl playbooks = context.getBean(PlaybookActivitiesImpl.class);
      CadenceDefinitions definitions = context.getBean(CadenceDefinitions.class);
      assertThat(playbooks.currentPlaybook().cadence().steps()).hasSize(5); // nothing saved yet: config

      definitions.save(name, java.util.List.of(new io.leadflow.workflows.CadenceStep(1, java.util.List.of(Channel.EMAIL), "d1-intro")));
      definitions.save(name, java.util.List.of(new io.leadflow.workflows.CadenceStep(2, java.util.List.of(Channel.TASK), "linkedin")));

      var cadence = playbooks.currentPlaybook().cadence();
      assertThat(cadence.name()).isEqualTo(name);
      assertThat(cadence.version()).isEqualTo(2);
      assertThat(cadence.steps()).singleElement().satisfies(step -> assertThat(step.channels()).containsExactly(Channel.TASK));
    }
  }
}
