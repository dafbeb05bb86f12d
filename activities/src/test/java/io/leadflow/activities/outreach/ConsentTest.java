package io.leadflow.activities.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.consent.ConsentGiven;
import io.leadflow.activities.consent.ConsentMethod;
import io.leadflow.activities.consent.Consents;
import io.leadflow.activities.store.CaptureRecord;
import io.leadflow.activities.store.CaptureRepository;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.BlockedChannel;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.OutreachActivities;
import io.leadflow.workflows.Touch;
import io.leadflow.workflows.TouchRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shipped consent rule on real PostgreSQL: calls and texts need the person's prior express
 * consent (or a source that vouches for it), email does not; a suppression beats any consent; a
 * touch keeps the consent it relied on.
 */
@SpringBootTest(properties = {"leadflow.consent.required-channels=CALL,SMS", "leadflow.consent.vouching-sources=partner-feed"})
class ConsentTest {

  @Autowired OutreachActivitiesImpl implementation;
  @Autowired LeadRepository leads;
  @Autowired CaptureRepository captures;
  @Autowired TouchRepository touches;
  @Autowired Consents consents;
  @Autowired Suppressions suppressions;
  @Autowired JdbcClient jdbc;

  private OneAttemptOutreach temporal;
  private OutreachActivities outreach;

  @BeforeEach
  void registerActivities() {
    temporal = new OneAttemptOutreach(implementation, Duration.ofSeconds(10));
    outreach = temporal.outreach;
  }

  @AfterEach
  void close() {
    temporal.close();
  }

  @Test
  void withoutConsentCallsAndTextsAreBlockedAndNotSentWhileEmailGoes() {
    Lead lead = StoredLeads.save(leads, true);

    assertThat(outreach.blockedChannels(lead.id().toString()))
        .containsExactly(
            new BlockedChannel(Channel.CALL, "no prior express consent for CALL on record"),
            new BlockedChannel(Channel.SMS, "no prior express consent for SMS on record"));
    Touch text = outreach.sendTouch(ProvidersAt.dayOneTouch(lead, Channel.SMS));
    Touch email = outreach.sendTouch(ProvidersAt.dayOneTouch(lead, Channel.EMAIL));

    assertThat(text.outcome()).isEqualTo(Touch.Outcome.SKIPPED);
    assertThat(detailOf(lead, Channel.SMS)).isEqualTo("no prior express consent for SMS on record");
    assertThat(email.outcome()).isEqualTo(Touch.Outcome.SENT);
  }

  @Test
  void aTextRelyingOnConsentIsSentAndKeepsTheConsentForAudit() {
    Lead lead = StoredLeads.save(leads, true);
    long consentId = giveConsent(lead, Channel.SMS);

    Touch text = outreach.sendTouch(ProvidersAt.dayOneTouch(lead, Channel.SMS));

    assertThat(text.outcome()).isEqualTo(Touch.Outcome.SENT);
    assertThat(touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id()).get(0).consentId()).isEqualTo(consentId);
    assertThat(outreach.blockedChannels(lead.id().toString()))
        .extracting(BlockedChannel::channel)
        .containsExactly(Channel.CALL); // consent to texts is not consent to calls
  }

  @Test
  void aSourceThatVouchesGivesConsentRecordedOnceAsVouched() {
    Lead lead = StoredLeads.save(leads, true);
    captures.save(CaptureRecord.of(lead.id(), "partner-feed", "demo", null, null, false, false, Instant.now()));

    assertThat(outreach.blockedChannels(lead.id().toString())).isEmpty();
    outreach.sendTouch(ProvidersAt.dayOneTouch(lead, Channel.SMS));

    assertThat(consents.of(lead.id()))
        .extracting(c -> c.channel(), c -> c.method(), c -> c.source())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Channel.CALL, ConsentMethod.VOUCHED, "partner-feed"),
            org.assertj.core.groups.Tuple.tuple(Channel.SMS, ConsentMethod.VOUCHED, "partner-feed"));
    assertThat(touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id()).get(0).outcome()).isEqualTo("SENT");
  }

  @Test
  void aSuppressionBeatsConsentAndStartLiftsTextsOnlyWithItsEvidence() {
    Lead lead = StoredLeads.save(leads, true);
    giveConsent(lead, Channel.SMS);
    giveConsent(lead, Channel.CALL);
    String phoneKey = ContactKeys.of(null, lead.phone()).phone();
    suppressions.suppress(phoneKey, Suppressions.ALL, "opted out through the API (ana)", "api");

    assertThat(outreach.blockedChannels(lead.id().toString()))
        .extracting(BlockedChannel::channel)
        .containsExactly(Channel.CALL, Channel.SMS);

    suppressions.lift(phoneKey, Channel.SMS, "texted START (Twilio message SM1)", "twilio");

    assertThat(outreach.blockedChannels(lead.id().toString()))
        .containsExactly(new BlockedChannel(Channel.CALL, "suppressed: the person opted out of CALL"));
    Map<String, Object> lifted = jdbc.sql("select channel, reason, evidence from suppression_lifted where contact_key = ?")
        .param(phoneKey).query().singleRow();
    assertThat(lifted).containsEntry("channel", "ALL")
        .containsEntry("reason", "opted out through the API (ana)")
        .containsEntry("evidence", "texted START (Twilio message SM1)");
  }

  private long giveConsent(Lead lead, Channel channel) {
    String key = channel == Channel.EMAIL ? ContactKeys.of(lead.email(), null).email() : ContactKeys.of(null, lead.phone()).phone();
    consents.record(lead.id(), null, key,
        new ConsentGiven(channel, ConsentMethod.CHECKBOX, "I agree to receive " + channel + " from Acme",
            Instant.now().minusSeconds(60), "https://acme.test/demo", "203.0.113.7", "Mozilla/5.0"), "web");
    return consents.of(lead.id()).stream().filter(c -> c.channel() == channel).findFirst().orElseThrow().id();
  }

  private String detailOf(Lead lead, Channel channel) {
    return touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id()).stream()
        .filter(t -> t.channel() == channel).findFirst().orElseThrow().detail();
  }
}
