package io.leadflow.activities.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.OutreachActivities;
import io.leadflow.workflows.Touch;
import io.leadflow.workflows.TouchRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

@SpringBootTest
class OutreachActivitiesImplTest {

  @Autowired OutreachActivitiesImpl implementation;
  @Autowired LeadRepository leads;
  @Autowired TouchRepository touches;
  @MockitoSpyBean OutreachChannel channel;

  private TestActivityEnvironment temporal;
  private OutreachActivities outreach;

  @BeforeEach
  void registerActivities() {
    temporal = TestActivityEnvironment.newInstance();
    temporal.registerActivitiesImplementations(implementation);
    outreach =
        temporal.newActivityStub(
            OutreachActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void close() {
    temporal.close();
  }

  @Test
  void sendsThroughTheDryRunChannelAndRecordsTheTouch() {
    Lead lead = StoredLeads.save(leads, "+14155550100");

    Touch touch = outreach.sendTouch(new TouchRequest(lead.id().toString(), "first-touch", Channel.SMS));

    assertThat(touch.provider()).isEqualTo("dry-run");
    assertThat(touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id()))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.channel()).isEqualTo(Channel.SMS);
              assertThat(row.outcome()).isEqualTo("SENT");
              assertThat(row.providerMessageId()).isEqualTo(touch.providerMessageId());
              assertThat(row.sentAt()).isNotNull();
            });
  }

  @Test
  void aRepeatedRequestFindsTheFirstSendInsteadOfSendingAgain() {
    Lead lead = StoredLeads.save(leads, null);
    TouchRequest request = new TouchRequest(lead.id().toString(), "first-touch", Channel.EMAIL);

    Touch first = outreach.sendTouch(request);
    Touch second = outreach.sendTouch(request);

    assertThat(second).isEqualTo(first);
    verify(channel, times(1)).send(any(), any());
    assertThat(touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id())).hasSize(1);
  }

  @Test
  void aReservationLeftByACrashedAttemptIsSentOnRetry() {
    Lead lead = StoredLeads.save(leads, null);
    TouchRequest request = new TouchRequest(lead.id().toString(), "first-touch", Channel.EMAIL);
    touches.reserve(lead.id(), request.businessKey(), request.step(), request.channel().name());

    outreach.sendTouch(request);

    verify(channel, times(1)).send(any(), any());
    assertThat(touches.findByBusinessKey(request.businessKey()))
        .get()
        .extracting(TouchRecord::outcome)
        .isEqualTo("SENT");
  }

  @Test
  void anUnknownLeadFailsWithoutRetrying() {
    TouchRequest request = new TouchRequest(UUID.randomUUID().toString(), "first-touch", Channel.SMS);

    assertThatThrownBy(() -> outreach.sendTouch(request))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo("LeadNotFound");
              assertThat(failure.isNonRetryable()).isTrue();
            });
  }
}
