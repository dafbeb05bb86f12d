package io.leadflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.outreach.sendgrid.SendGridEvent;
import io.leadflow.activities.outreach.twilio.TwilioStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Delivery callbacks in any order leave the touch at the latest stage it reached, in its provider's order. */
@SpringBootTest
class ProviderStatusOrderTest {

  private static final Map<String, ProviderStatuses> ORDERS = Map.of("twilio", TwilioStatus.ORDER, "sendgrid", SendGridEvent.ORDER);

  @Autowired LeadRepository leads;
  @Autowired TouchRepository touches;

  @ParameterizedTest(name = "{0}: {1} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "twilio   | queued,sent,delivered   | delivered",
        "twilio   | delivered,sent,queued   | delivered",
        "twilio   | sent,delivered,sent     | delivered",
        "twilio   | ringing,completed,in-progress | completed",
        "sendgrid | processed,open,delivered | open",
        "sendgrid | delivered,bounce        | delivered",
        "twilio   | sent,undelivered        | undelivered",
        "twilio   | something-new           | something-new",
        "twilio   | sent,something-new      | sent"
      })
  void theLatestStageWinsWhateverTheArrivalOrder(String provider, String arrivals, String expected) {
    Lead lead = StoredLeads.save(leads, true);
    String channel = provider.equals("sendgrid") ? "EMAIL" : "SMS";
    String key = lead.id() + ":r1-d1:" + channel;
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    touches.reserve(lead.id(), key, "r1-d1", channel, "d1-intro");
    touches.recordOutcome(key, provider, sid, "SENT", Instant.now(), null);

    for (String status : List.of(arrivals.split(","))) {
      touches.recordProviderStatus(provider, sid, status.strip(), ORDERS.get(provider));
    }

    assertThat(touches.findByBusinessKey(key)).get().extracting(TouchRecord::providerStatus).isEqualTo(expected);
  }
}
