package io.leadflow.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Message;
import io.leadflow.activities.temporal.PayloadEncryption;
import io.leadflow.api.ApiTest;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.SearchAttributes;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.client.WorkflowClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real lead through capture, routing, the instant reply, the rep's acknowledgement and a reply;
 * then its history as the Temporal service stores it: no name, address, phone or message in clear
 * anywhere in it, and every payload encrypted but two kinds that carry no person: search attributes
 * (Temporal indexes them) and the SDK's own bookkeeping in markers (a local activity's id, type and
 * times, a version's change id), which the SDK writes without the data converter.
 */
class PersonalDataInTemporalTest extends ApiTest {

  private static final Set<String> SDK_MARKER_BOOKKEEPING =
      Set.of("activityId", "type", "time", "meta", "changeId", "version", "versionSearchAttributeUpdated");

  @Autowired WorkflowClient temporal;
  @Autowired PayloadEncryption encryption;

  @Test
  void aLeadsStoredHistoryHoldsNoPersonalDataInClear() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String firstName = "Ottoline" + unique;
    String lastName = "Vexbridge" + unique;
    String email = "ottoline." + unique + "@privacy.test";
    String phoneDigits = "646" + ThreadLocalRandom.current().nextInt(200, 1000) + ThreadLocalRandom.current().nextInt(1000, 10000);
    String replyBody = "ring me after six " + unique;
    String leadId =
        leadOf(post("/api/v1/leads", INGEST,
                "{\"name\":\"" + firstName + " " + lastName + "\",\"email\":\"" + email + "\",\"phone\":\"+1" + phoneDigits
                    + "\",\"source\":\"web\",\"interest\":\"demo request\","
                    + "\"consent\":[{\"channel\":\"SMS\",\"method\":\"CHECKBOX\",\"text\":\"Acme may text me.\"}]}"));
    await().atMost(Duration.ofSeconds(15)).until(() -> "AWAITING_ACK".equals(status(leadId)));
    assertThat(post("/api/v1/leads/" + leadId + "/acknowledge", ANA, null).statusCode()).isEqualTo(200);
    assertThat(post("/api/v1/leads/" + leadId + "/replies", ANA, "{\"channel\":\"SMS\",\"body\":\"" + replyBody + "\"}").statusCode())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(15)).until(() -> "ENGAGED".equals(status(leadId)));

    History stored = temporal.fetchHistory(LeadWorkflows.idFor(leadId)).getHistory();

    assertThat(new String(stored.toByteArray(), StandardCharsets.UTF_8))
        .doesNotContain(firstName, lastName, email, unique + "@", phoneDigits, replyBody);
    List<Payload> payloads = new ArrayList<>();
    List<Payload> notOurs = new ArrayList<>();
    collect(stored, payloads, notOurs);
    assertThat(payloads).hasSizeGreaterThan(20).allSatisfy(payload ->
        assertThat(payload.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo(PayloadEncryption.ENCODING));
    assertThat(notOurs).isNotEmpty();
    // Not a vacuous scan: the person is in there, for whoever holds the key.
    Payload input = stored.getEvents(0).getWorkflowExecutionStartedEventAttributes().getInput().getPayloads(0);
    assertThat(encryption.decode(List.of(input)).get(0).getData().toStringUtf8()).contains(email, lastName, phoneDigits);
  }

  /** Every Payload anywhere in the message; search attributes and SDK bookkeeping apart. */
  private static void collect(Message message, List<Payload> payloads, List<Payload> notOurs) {
    message.getAllFields().forEach((field, value) -> {
      for (Object element : value instanceof List<?> list ? list : List.of(value)) {
        if (element instanceof SearchAttributes attributes) {
          notOurs.addAll(attributes.getIndexedFieldsMap().values());
        } else if (element instanceof MarkerRecordedEventAttributes marker) {
          marker.getDetailsMap().forEach((key, details) ->
              (SDK_MARKER_BOOKKEEPING.contains(key) ? notOurs : payloads).addAll(details.getPayloadsList()));
          collect(marker.toBuilder().clearDetails().build(), payloads, notOurs);
        } else if (element instanceof Payload payload) {
          payloads.add(payload);
        } else if (element instanceof Message nested) {
          collect(nested, payloads, notOurs);
        }
      }
    });
  }

  private String status(String leadId) {
    return body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString();
  }
}
