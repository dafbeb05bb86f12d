package io.leadflow.activities.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.ActivitiesTestApplication;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.Playbook;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

class PlaybookActivitiesImplTest {

  private static Playbook playbookWith(String... properties) {
    SpringApplication app = new SpringApplication(ActivitiesTestApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    try (ConfigurableApplicationContext context = app.run(properties)) {
      return context.getBean(PlaybookActivitiesImpl.class).currentPlaybook();
    }
  }

  @Test
  void withoutConfigurationTheDefaultPlaybookApplies() {
    Playbook playbook = playbookWith();

    assertThat(playbook.ackSla()).isEqualTo(Duration.ofMinutes(5));
    assertThat(playbook.backupAckSla()).isEqualTo(Duration.ofMinutes(10));
    assertThat(playbook.day()).isEqualTo(Duration.ofDays(1));
    assertThat(playbook.cadence().steps())
        .extracting(s -> s.day(), s -> s.channels())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, java.util.List.of(Channel.CALL, Channel.SMS)),
            org.assertj.core.groups.Tuple.tuple(3, java.util.List.of(Channel.EMAIL)),
            org.assertj.core.groups.Tuple.tuple(5, java.util.List.of(Channel.CALL)),
            org.assertj.core.groups.Tuple.tuple(8, java.util.List.of(Channel.EMAIL)),
            org.assertj.core.groups.Tuple.tuple(14, java.util.List.of(Channel.EMAIL)));
    assertThat(playbook.quietHours().windowFor("US", "FL").end()).isEqualTo(LocalTime.of(20, 0));
    assertThat(playbook.quietHours().windowFor("US", "NY").end()).isEqualTo(LocalTime.of(21, 0));
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
            "--leadflow.lifecycle.cadence.steps[0].template=hello");

    assertThat(playbook.day()).isEqualTo(Duration.ofSeconds(10));
    assertThat(playbook.ackSla()).isEqualTo(Duration.ofSeconds(20));
    assertThat(playbook.backupAckSla()).isEqualTo(Duration.ofMinutes(10));
    assertThat(playbook.cadence().name()).isEqualTo("short");
    assertThat(playbook.cadence().version()).isEqualTo(2);
    assertThat(playbook.cadence().steps()).singleElement().satisfies(s -> assertThat(s.channels()).containsExactly(Channel.EMAIL, Channel.TASK));
  }
}
