package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CadenceAdminTest extends ApiTest {

  private static final String PATH = "/api/v1/admin/cadences";

  @Test
  void savingACadenceAddsAVersionAndKeepsTheOldOne() {
    String name = "trial-" + UUID.randomUUID().toString().substring(0, 8);
    String v1 = "{\"name\":\"" + name + "\",\"steps\":[{\"day\":1,\"channels\":[\"CALL\",\"SMS\"],\"template\":\"d1-intro\"}]}";
    String v2 =
        "{\"name\":\"" + name + "\",\"steps\":[{\"day\":1,\"channels\":[\"EMAIL\"],\"template\":\"d1-intro\"},"
            + "{\"day\":2,\"channels\":[\"TASK\"],\"template\":\"linkedin\"}]}";

    JsonNode first = body(post(PATH, ADMIN, v1));
    JsonNode second = body(post(PATH, ADMIN, v2));

    assertThat(first.get("version").asInt()).isEqualTo(1);
    assertThat(second.get("version").asInt()).isEqualTo(2);
    assertThat(second.get("steps").get(1).get("channels").get(0).asString()).isEqualTo("TASK");
    JsonNode all = body(get(PATH, ADMIN));
    assertThat(all.valueStream().filter(c -> c.get("name").asString().equals(name)).count()).isEqualTo(2);
  }

  @Test
  void onlyAdminsManageCadencesAndBadDefinitionsAreProblems() {
    String valid = "{\"name\":\"x\",\"steps\":[{\"day\":1,\"channels\":[\"CALL\"],\"template\":\"t\"}]}";

    assertThat(post(PATH, MANAGER, valid).statusCode()).isEqualTo(403);
    assertThat(post(PATH, ANA, valid).statusCode()).isEqualTo(403);
    assertThat(post(PATH, ADMIN, "{\"name\":\"x\",\"steps\":[]}").statusCode()).isEqualTo(400);
    assertThat(post(PATH, ADMIN, "{\"name\":\"Bad Name\",\"steps\":[{\"day\":1,\"channels\":[\"CALL\"],\"template\":\"t\"}]}").statusCode())
        .isEqualTo(400);
    assertThat(
            post(PATH, ADMIN, "{\"name\":\"x\",\"steps\":[{\"day\":3,\"channels\":[\"CALL\"],\"template\":\"t\"},{\"day\":2,\"channels\":[\"SMS\"],\"template\":\"t\"}]}")
                .statusCode())
        .isEqualTo(400);
    assertThat(post(PATH, ADMIN, "{\"name\":\"x\",\"steps\":[{\"day\":1,\"channels\":[\"FAX\"],\"template\":\"t\"}]}").statusCode())
        .isEqualTo(400);
  }

  /** Found by ApiFuzzTest: a null channel was a NullPointerException, a 500. */
  @Test
  void aNullInAListIsRefusedByItsPlaceAndSavesNoVersion() {
    String name = "nulls-" + System.nanoTime();
    HttpResponse<String> response =
        post(PATH, ADMIN, "{\"name\":\"" + name + "\",\"steps\":[{\"day\":1,\"channels\":[\"SMS\",null],\"template\":\"t\"}]}");

    assertThat(Problems.assertInvalid(response, "steps[0].channels[1]")).isEqualTo("must not be null");
    assertThat(get(PATH, ADMIN).body()).doesNotContain(name);
  }

  /** Issue 18: ten saves of one cadence at once raced for the same version number, a 500. */
  @Test
  void concurrentSavesOfOneCadenceAreAllKeptAsConsecutiveVersions() throws Exception {
    String name = "race-" + UUID.randomUUID().toString().substring(0, 8);
    int saves = 10;
    var start = new CountDownLatch(1);
    List<Callable<HttpResponse<String>>> calls =
        IntStream.range(0, saves)
            .<Callable<HttpResponse<String>>>mapToObj(
                i -> () -> {
                  start.await();
                  return post(PATH, ADMIN, "{\"name\":\"" + name + "\",\"steps\":[{\"day\":1,\"channels\":[\"CALL\"],\"template\":\"t" + i + "\"}]}");
                })
            .toList();
    List<HttpResponse<String>> answers;
    var pool = Executors.newFixedThreadPool(saves);
    try {
      var futures = calls.stream().map(pool::submit).toList();
      start.countDown();
      answers = futures.stream().map(f -> { try { return f.get(); } catch (Exception e) { throw new IllegalStateException(e); } }).toList();
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(201));
    assertThat(answers.stream().map(a -> body(a).get("version").asInt()).sorted().toList())
        .isEqualTo(IntStream.rangeClosed(1, saves).boxed().toList());
    JsonNode all = body(get(PATH, ADMIN));
    assertThat(all.valueStream().filter(c -> c.get("name").asString().equals(name)).count()).isEqualTo(saves);
  }
}
