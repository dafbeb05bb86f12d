package io.leadflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.StoredLeads;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Delivery callbacks in any order leave the touch at the latest stage it reached. */
@SpringBootTest
class ProviderStatusOrderTest {

  @Autowired LeadRepository leads;
  @Autowired TouchRepository touches;

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "queued,sent,delivered   | delivered",
        "delivered,sent,queued   | delivered",
        "sent,delivered,sent     | delivered",
        "ringing,completed,in-progress | completed",
        "processed,open,delivered | open",
        "delivered,bounce        | delivered",
        "sent,undelivered        | undelivered",
        "something-new           | something-new",
        "sent,something-new      | sent"
      })
  void theLatestStageWinsWhateverTheArrivalOrder(String arrivals, String expected) {
    Lead lead = StoredLeads.save(leads, true);
    String key = lead.id() + ":r1-d1:SMS";
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    touches.reserve(lead.id(), key, "r1-d1", "SMS", "d1-intro");
    touches.recordOutcome(key, "twilio", sid, "SENT", Instant.now(), null);

    for (String status : List.of(arrivals.split(","))) {
      touches.recordProviderStatus("twilio", sid, status.strip());
    }

    assertThat(touches.findByBusinessKey(key)).get().extracting(TouchRecord::providerStatus).isEqualTo(expected);
  }
}
