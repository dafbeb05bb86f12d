package io.leadflow.api.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.api.ApiTest;
import io.leadflow.api.Problems;
import org.junit.jupiter.api.Test;

class OptOutChannelTest extends ApiTest {

  /** Found by ApiFuzzTest: {"channel":"TASK"} broke the suppression list's check constraint, a 500. */
  @Test
  void anOptOutOfATaskIsRefusedByItsFieldAndStoresNothing() {
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(uniqueEmail(), null)));

    var refused = post("/api/v1/leads/" + leadId + "/opt-out", ADMIN, "{\"channel\":\"TASK\"}");

    assertThat(Problems.assertInvalid(refused, "optOutChannel")).contains("CALL, SMS or EMAIL");
    assertThat(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()).isNotEqualTo("OPTED_OUT");
    assertThat(post("/api/v1/leads/" + leadId + "/opt-out", ADMIN, "{\"channel\":\"EMAIL\"}").statusCode()).isEqualTo(202);
  }
}
