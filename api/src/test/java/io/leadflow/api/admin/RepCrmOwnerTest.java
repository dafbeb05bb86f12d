package io.leadflow.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins map reps to their CRM owners: the owner a CRM names is one rep. */
class RepCrmOwnerTest extends ApiTest {

  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aRepsCrmOwnerIdIsSavedReadAndCleared() {
    String id = "crm-" + tag;

    HttpResponse<String> saved = put(id, "{\"name\":\"Cora\",\"capacity\":5,\"crmOwnerId\":\"owner-" + tag + "\"}");

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    assertThat(body(saved).get("crmOwnerId").asString()).isEqualTo("owner-" + tag);
    assertThat(body(get("/api/v1/admin/reps/" + id, ADMIN)).get("crmOwnerId").asString()).isEqualTo("owner-" + tag);
    assertThat(body(get("/api/v1/admin/reps", ADMIN)).valueStream()
            .filter(rep -> rep.get("id").asString().equals(id)).findFirst().orElseThrow().get("crmOwnerId").asString())
        .isEqualTo("owner-" + tag);

    assertThat(put(id, "{\"name\":\"Cora\",\"capacity\":5}").statusCode()).isEqualTo(200);
    assertThat(body(get("/api/v1/admin/reps/" + id, ADMIN)).get("crmOwnerId").isNull()).isTrue();
  }

  @Test
  void aCrmOwnerBelongsToOneRepAndAnOverlongOneIsRefused() {
    put("one-" + tag, "{\"name\":\"One\",\"capacity\":5,\"crmOwnerId\":\"shared-" + tag + "\"}");

    HttpResponse<String> second = put("two-" + tag, "{\"name\":\"Two\",\"capacity\":5,\"crmOwnerId\":\"shared-" + tag + "\"}");
    HttpResponse<String> overlong = put("three-" + tag, "{\"name\":\"Three\",\"capacity\":5,\"crmOwnerId\":\"" + "9".repeat(65) + "\"}");

    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(body(second).get("detail").asString()).contains("one-" + tag);
    assertThat(overlong.statusCode()).isEqualTo(400);
    assertThat(body(overlong).get("errors").toString()).contains("crmOwnerId");
    assertThat(get("/api/v1/admin/reps/two-" + tag, ADMIN).statusCode()).isEqualTo(404);
    assertThat(put("one-" + tag, "{\"name\":\"One again\",\"capacity\":5,\"crmOwnerId\":\"shared-" + tag + "\"}").statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> put(String id, String body) {
    return call("PUT", "/api/v1/admin/reps/" + id, ADMIN, body, Map.of());
  }
}
