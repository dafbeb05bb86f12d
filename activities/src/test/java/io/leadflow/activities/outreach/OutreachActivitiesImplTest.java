package io.leadflow.activities.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.RepNoticeRepository;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.OutreachActivities;
import io.leadflow.workflows.QuietHoursPolicy;
import io.leadflow.workflows.RepNotice;
import io.leadflow.workflows.Touch;
import io.leadflow.workflows.TouchRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

@SpringBootTest
class OutreachActivitiesImplTest {

  private static final Instant ELEVEN_AM_NEW_YORK = Instant.parse("2026-03-09T15:00:00Z");
  private static final TouchRequest.QuietHoursCheck NEW_YORK_8_TO_21 =
      new TouchRequest.QuietHoursCheck(
          new QuietHoursPolicy.Window(LocalTime.of(8, 0), LocalTime.of(21, 0)), List.of("America/New_York"));

  @Autowired OutreachActivitiesImpl implementation;
  @Autowired LeadRepository leads;
  @Autowired TouchRepository touches;
  @Autowired RepNoticeRepository notices;
  @Autowired Suppressions suppressions;
  @MockitoSpyBean DryRunSender dryRun;
  @MockitoBean Clock clock;

  private OneAttemptOutreach temporal;
  private OutreachActivities outreach;

  @BeforeEach
  void registerActivities() {
    when(clock.instant()).thenReturn(ELEVEN_AM_NEW_YORK);
    temporal = new OneAttemptOutreach(implementation, Duration.ofSeconds(10));
    outreach = temporal.outreach;
  }

  @AfterEach
  void close() {
    temporal.close();
  }

  @Test
  void sendsThroughTheDryRunSenderAndRecordsTheTouch() {
    Lead lead = StoredLeads.save(leads, true);

    Touch touch = outreach.sendTouch(sms(lead, "first-touch"));

    assertThat(touch.provider()).isEqualTo("dry-run");
    assertThat(touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id()))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.channel()).isEqualTo(Channel.SMS);
              assertThat(row.outcome()).isEqualTo("SENT");
              assertThat(row.provider()).isEqualTo("dry-run");
              assertThat(row.providerMessageId()).isEqualTo(touch.providerMessageId());
              assertThat(row.sentAt()).isNotNull();
            });
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void theDryRunSenderLogsAnEmailWithItsFooterAndAFirstTextWithItsHint(CapturedOutput log) {
    Lead lead = StoredLeads.save(leads, true);

    dryRun.send(email(lead, "compliance"), lead, new Message("Hello", "Hi Sarah.", "<p>Hi Sarah.</p>"));
    dryRun.send(sms(lead, "compliance"), lead, new Message(null, "Hi Sarah, free at 3?", null));

    assertThat(log.getOut())
        .contains(
            "Subject: Hello\nHi Sarah.\n\nUnsubscribe: " + DryRunSender.UNSUBSCRIBE_LINK
                + "\n[postal address: set leadflow.compliance.postal-address]")
        .contains("<p>Hi Sarah.</p><p style=\"font-size:12px;color:#666666\"><a href=")
        .contains("DRY-RUN text as sent: Hi Sarah, free at 3? Reply STOP to opt out.");
  }

  @Test
  void aRepeatedRequestFindsTheFirstSendInsteadOfSendingAgain() {
    Lead lead = StoredLeads.save(leads, false);
    TouchRequest request = email(lead, "first-touch");

    Touch first = outreach.sendTouch(request);
    Touch second = outreach.sendTouch(request);

    assertThat(second).isEqualTo(first);
    verify(dryRun, times(1)).send(any(), any(), any());
    assertThat(touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id())).hasSize(1);
  }

  @Test
  void aReservationLeftByACrashedAttemptIsSentOnRetry() {
    Lead lead = StoredLeads.save(leads, false);
    TouchRequest request = email(lead, "first-touch");
    touches.reserve(lead.id(), request.businessKey(), request.step(), request.channel().name(), request.template());

    outreach.sendTouch(request);

    verify(dryRun, times(1)).send(any(), any(), any());
    assertThat(touches.findByBusinessKey(request.businessKey()))
        .get()
        .extracting(TouchRecord::outcome)
        .isEqualTo("SENT");
  }

  @Test
  void aSendInterruptedWhileCallingTheProviderIsNeverRepeated() {
    Lead lead = StoredLeads.save(leads, false);
    TouchRequest request = email(lead, "first-touch");
    touches.reserve(lead.id(), request.businessKey(), request.step(), request.channel().name(), request.template());
    touches.markSending(request.businessKey());

    Touch touch = outreach.sendTouch(request);

    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.FAILED);
    verify(dryRun, never()).send(any(), any(), any());
    assertThat(touches.findByBusinessKey(request.businessKey()))
        .get()
        .satisfies(row -> assertThat(row.detail()).startsWith("ambiguous"));
  }

  @Test
  void aSuppressedContactIsSkippedAndNothingIsSent() {
    Lead lead = StoredLeads.save(leads, true);
    suppressions.suppress(ContactKeys.of(null, lead.phone()).phone(), "SMS", "texted STOP", "twilio");

    Touch touch = outreach.sendTouch(sms(lead, "r1-d1"));

    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.SKIPPED);
    verify(dryRun, never()).send(any(), any(), any());
    assertThat(touches.findByBusinessKey(sms(lead, "r1-d1").businessKey()))
        .get()
        .satisfies(row -> assertThat(row.detail()).isEqualTo("suppressed: the person opted out of SMS"));
  }

  @Test
  void aSendScheduledBeforeTheLeadRepliedIsSkippedOnceTheStoreSaysEngaged() {
    Lead lead = StoredLeads.save(leads, true);
    leads.updateProgress(lead.id(), LeadStatus.ENGAGED.name(), null, null, null, null, null);

    Touch touch = outreach.sendTouch(sms(lead, "r1-d3"));

    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.SKIPPED);
    verify(dryRun, never()).send(any(), any(), any());
    assertThat(touches.findByBusinessKey(sms(lead, "r1-d3").businessKey()))
        .get()
        .satisfies(row -> assertThat(row.detail()).contains("ENGAGED"));
  }

  @Test
  void aSendPlannedBeforeTheLeadRepliedIsNotSentWhenItIsRetriedAfterTheReply() {
    Lead lead = StoredLeads.save(leads, false);
    TouchRequest planned = email(lead, "r1-d3");
    touches.reserve(lead.id(), planned.businessKey(), planned.step(), planned.channel().name(), planned.template());
    leads.markStopped(lead.id());

    Touch touch = outreach.sendTouch(planned);

    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.SKIPPED);
    verify(dryRun, never()).send(any(), any(), any());
  }

  @Test
  void aSendDecidedBeforeTheReplyButScheduledAfterItIsNotSent() {
    Lead lead = StoredLeads.save(leads, false);
    // The workflow task that decided the instant reply started, then the lead replied while it
    // still ran (enrichment and routing are local activities); the send was scheduled after it.
    TouchRequest decidedEarlier = decidedAt(email(lead, "r1-instant"), Instant.now().minusSeconds(30));
    leads.markStopped(lead.id());

    Touch touch = outreach.sendTouch(decidedEarlier);

    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.SKIPPED);
    verify(dryRun, never()).send(any(), any(), any());
  }

  @Test
  void aSendDecidedAfterTheReplyGoesOut() {
    Lead lead = StoredLeads.save(leads, false);
    leads.markStopped(lead.id());

    Touch touch = outreach.sendTouch(decidedAt(email(lead, "r2-instant"), Instant.now().plusSeconds(1)));

    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.SENT);
  }

  @Test
  void aSendPlannedAfterTheReplyGoesOut() {
    Lead lead = StoredLeads.save(leads, false);
    leads.markStopped(lead.id());

    Touch touch = outreach.sendTouch(email(lead, "nurture-1"));

    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.SENT);
  }

  @Test
  void aCallOrTextThatDriftedIntoQuietHoursIsDeferredAndNothingIsRecorded() {
    Lead lead = StoredLeads.save(leads, true);
    when(clock.instant()).thenReturn(Instant.parse("2026-03-10T02:30:00Z")); // 22:30 in New York

    Touch touch = outreach.sendTouch(sms(lead, "r1-d1"));

    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.DEFERRED_QUIET_HOURS);
    verify(dryRun, never()).send(any(), any(), any());
    assertThat(touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id())).isEmpty();
  }

  @Test
  void aTextToALeadWithoutAPhoneIsSkippedAndRecordedAsSuch() {
    Lead lead = StoredLeads.save(leads, false);

    Touch touch = outreach.sendTouch(sms(lead, "r1-d1"));

    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.SKIPPED);
    verify(dryRun, never()).send(any(), any(), any());
    assertThat(touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id()))
        .singleElement()
        .extracting(TouchRecord::outcome)
        .isEqualTo("SKIPPED");
  }

  @Test
  void anEmailToALeadWithoutAnAddressIsSkippedOnceAndTheRepeatFindsIt() {
    Lead lead = StoredLeads.save(leads, null, "+1212" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000));
    TouchRequest request = email(lead, "r1-d3");

    Touch first = outreach.sendTouch(request);
    when(clock.instant()).thenReturn(ELEVEN_AM_NEW_YORK.plusSeconds(60));
    Touch repeat = outreach.sendTouch(request);

    assertThat(first.outcome()).isEqualTo(Touch.Outcome.SKIPPED);
    assertThat(first.at()).isEqualTo(ELEVEN_AM_NEW_YORK);
    assertThat(repeat).isEqualTo(first);
    verify(dryRun, never()).send(any(), any(), any());
    assertThat(touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id()))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.outcome()).isEqualTo("SKIPPED");
              assertThat(row.detail()).isEqualTo("no email");
            });
  }

  @Test
  void aRepTaskGoesThroughTheDryRunSenderEvenAtNight() {
    Lead lead = StoredLeads.save(leads, false);
    Instant night = Instant.parse("2026-03-10T04:00:00Z"); // 23:00 in New York: tasks ignore quiet hours
    when(clock.instant()).thenReturn(night);
    TouchRequest task = new TouchRequest(lead.id().toString(), "r1-d2", Channel.TASK, "linkedin", null, "ana", null);

    Touch touch = outreach.sendTouch(task);

    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.SENT);
    assertThat(touch.provider()).isEqualTo("dry-run");
    assertThat(touch.at()).isEqualTo(night);
    verify(dryRun, times(1)).send(any(), any(), any());
    assertThat(touches.findByBusinessKey(task.businessKey()))
        .get()
        .satisfies(
            row -> {
              assertThat(row.channel()).isEqualTo(Channel.TASK);
              assertThat(row.outcome()).isEqualTo("SENT");
              assertThat(row.sentAt()).isEqualTo(night);
            });
  }

  @Test
  void aRepIsNotifiedOnceHoweverOftenTheActivityRuns() {
    Lead lead = StoredLeads.save(leads, false);
    RepNotice notice = new RepNotice(lead.id().toString(), "ana", "new-lead-1", "New HOT lead");

    outreach.notifyRep(notice);
    outreach.notifyRep(notice);
    outreach.notifyRep(new RepNotice(lead.id().toString(), "ben", "escalation-1", "Ack SLA missed"));

    verify(dryRun, times(1)).notifyRep(notice);
    assertThat(notices.countForLead(lead.id())).isEqualTo(2);
  }

  @Test
  void anUnknownLeadFailsWithoutRetrying() {
    TouchRequest request = new TouchRequest(UUID.randomUUID().toString(), "first-touch", Channel.EMAIL, "t", null, "ana", null);

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

  private static TouchRequest decidedAt(TouchRequest request, Instant at) {
    return new TouchRequest(
        request.leadId(), request.step(), request.channel(), request.template(), request.quietHours(), request.assignedRep(), at);
  }

  private static TouchRequest sms(Lead lead, String step) {
    return new TouchRequest(lead.id().toString(), step, Channel.SMS, "d1-intro", NEW_YORK_8_TO_21, "ana", null);
  }

  private static TouchRequest email(Lead lead, String step) {
    return new TouchRequest(lead.id().toString(), step, Channel.EMAIL, "instant-reply", null, "ana", null);
  }
}
