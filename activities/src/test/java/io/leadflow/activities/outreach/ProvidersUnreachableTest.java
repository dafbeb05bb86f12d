package io.leadflow.activities.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.OutreachActivities;
import io.leadflow.workflows.TouchRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Twilio and SendGrid configured at a port nobody listens on: the connection is refused before
 * anything is sent, so the touch goes back to RESERVED and the activity retries, instead of being
 * written off as failed or ambiguous.
 */
@SpringBootTest
class ProvidersUnreachableTest {

  private static final int CLOSED_PORT = closedPort();

  @DynamicPropertySource
  static void providersNowhere(DynamicPropertyRegistry properties) {
    ProvidersAt.port(properties, () -> CLOSED_PORT);
    properties.add("leadflow.twilio.voicemail-url", () -> "https://leads.example.com/voicemail.xml");
  }

  @Autowired OutreachActivitiesImpl implementation;
  @Autowired LeadRepository leads;
  @Autowired TouchRepository touches;

  @ParameterizedTest
  @EnumSource(value = Channel.class, names = {"SMS", "CALL", "EMAIL"})
  void aRefusedConnectionIsRetriedAndTheTouchStaysReserved(Channel channel) {
    Lead lead = StoredLeads.save(leads, true);
    TouchRequest request = ProvidersAt.dayOneTouch(lead, channel);
    OneAttemptOutreach temporal = new OneAttemptOutreach(implementation, Duration.ofSeconds(30));
    try {
      OutreachActivities outreach = temporal.outreach;

      assertThatThrownBy(() -> outreach.sendTouch(request))
          .isInstanceOf(ActivityFailure.class)
          .cause()
          .isInstanceOfSatisfying(
              ApplicationFailure.class, failure -> assertThat(failure.isNonRetryable()).isFalse());
      assertThat(touches.findByBusinessKey(request.businessKey()))
          .get()
          .extracting(TouchRecord::outcome)
          .isEqualTo("RESERVED");
    } finally {
      temporal.close();
    }
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
