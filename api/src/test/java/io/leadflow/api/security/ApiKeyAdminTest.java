package io.leadflow.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.api.ApiTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** An admin lists keys (never their secret) and revokes them; each key's last use is kept to the minute. */
class ApiKeyAdminTest extends ApiTest {

  private static final String KEYS = "/api/v1/admin/api-keys";

  @Autowired JdbcClient jdbc;
  @Autowired ApiKeyRepository keys;

  @Test
  void theListShowsEveryKeyWithItsRoleRepAndLastUseButNeverItsSecret() {
    JsonNode created = body(post(KEYS, ADMIN, "{\"name\":\"ana's laptop\",\"role\":\"REP\",\"repId\":\"ana\"}"));
    long id = created.get("id").asLong();
    String key = created.get("key").asString();

    JsonNode unused = listed(id);
    assertThat(get("/api/v1/leads?limit=1", key).statusCode()).isEqualTo(200);
    JsonNode used = listed(id);

    assertThat(unused.get("name").asString()).isEqualTo("ana's laptop");
    assertThat(unused.get("role").asString()).isEqualTo("REP");
    assertThat(unused.get("repId").asString()).isEqualTo("ana");
    assertThat(unused.get("createdAt").isNull()).isFalse();
    assertThat(unused.get("lastUsedAt").isNull()).isTrue();
    assertThat(unused.get("revokedAt").isNull()).isTrue();
    assertThat(used.get("lastUsedAt").isNull()).isFalse();
    String list = get(KEYS, ADMIN).body();
    assertThat(list).doesNotContain(key).doesNotContain(ApiKeys.hash(key)).doesNotContain("keyHash");
    assertThat(unused.has("key")).isFalse();
  }

  @Test
  void aRevokedKeyIsRefusedFromItsNextRequest() {
    JsonNode created = body(post(KEYS, ADMIN, "{\"name\":\"old form\",\"role\":\"INGEST\"}"));
    long id = created.get("id").asLong();
    String key = created.get("key").asString();
    assertThat(post("/api/v1/leads", key, leadJson(uniqueEmail(), null)).statusCode()).isEqualTo(202);

    var revoked = call("DELETE", KEYS + "/" + id, ADMIN, null, java.util.Map.of());
    var again = call("DELETE", KEYS + "/" + id, ADMIN, null, java.util.Map.of());
    var afterwards = post("/api/v1/leads", key, leadJson(uniqueEmail(), null));

    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(204);
    assertThat(afterwards.statusCode()).isEqualTo(401);
    assertThat(afterwards.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(listed(id).get("revokedAt").isNull()).isFalse();
  }

  @Test
  void revokingAKeyThatDoesNotExistIs404() {
    var missing = call("DELETE", KEYS + "/" + Long.MAX_VALUE, ADMIN, null, java.util.Map.of());

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aKeyUsedOverAndOverIsWrittenAtMostOncePerInterval() throws Exception {
    JsonNode created = body(post(KEYS, ADMIN, "{\"name\":\"busy form\",\"role\":\"INGEST\"}"));
    long id = created.get("id").asLong();
    ApiKeyUsage usage = new ApiKeyUsage(jdbc, Duration.ofMillis(500));

    usage.used(id);
    Timestamp first = lastUsed(id);
    Thread.sleep(50);
    for (int i = 0; i < 20; i++) {
      usage.used(id);
    }
    Timestamp stillFirst = lastUsed(id);
    Thread.sleep(600);
    usage.used(id);
    Timestamp later = lastUsed(id);

    assertThat(first).isNotNull();
    assertThat(stillFirst).isEqualTo(first);
    assertThat(later).isAfter(first);
  }

  @Test
  void developmentKeysNeedAnApiOnLoopbackOnly() {
    DevApiKeys.requireLoopback("127.0.0.1");
    DevApiKeys.requireLoopback("::1");
    DevApiKeys.requireLoopback("localhost");

    for (String exposed : new String[] {null, "", "0.0.0.0", "::", "192.0.2.10"}) {
      assertThatThrownBy(() -> DevApiKeys.requireLoopback(exposed))
          .as(String.valueOf(exposed))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("LEADFLOW_API_DEV_KEYS")
          .hasMessageContaining("server.address");
    }
    assertThatThrownBy(() -> new DevApiKeys(keys, "0.0.0.0")).hasMessageContaining("listens on 0.0.0.0");
  }

  private JsonNode listed(long id) {
    return StreamSupport.stream(body(get(KEYS, ADMIN)).spliterator(), false)
        .filter(key -> key.get("id").asLong() == id)
        .findFirst()
        .orElseThrow();
  }

  private Timestamp lastUsed(long id) {
    return jdbc.sql("select last_used_at from api_key where id = ?").param(id).query(Timestamp.class).single();
  }
}
