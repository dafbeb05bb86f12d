package io.leadflow.activities.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many workers routing at once, as several worker processes would: every routing runs in its own
 * transaction on its own connection against real PostgreSQL.
 */
@SpringBootTest
class RoutingConcurrencyTest {

  private static final int THREADS = 16;

  @Autowired RoutingEngine routing;
  @Autowired JdbcClient jdbc;
  @Autowired RoutingDirectory directory;

  private RoutingFixture f;

  @AfterEach
  void cleanUp() {
    if (f != null) {
      f.close();
    }
  }

  /** Routes every lead from {@link #THREADS} threads at once; the rep each one went to. */
  private List<String> routeConcurrently(List<UUID> leads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Decision>> decisions = new ArrayList<>();
      for (UUID lead : leads) {
        decisions.add(pool.submit(() -> routing.route(f.profile(lead, "US", null), "k-" + lead, RoutingActivitiesImplTest.NOW)));
      }
      List<String> reps = new ArrayList<>();
      for (Future<Decision> decision : decisions) {
        reps.add(decision.get().repId());
      }
      return reps;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, Long> counted(List<String> reps) {
    return reps.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  /** Open leads per rep as stored: the capacity check's own count. */
  private Map<String, Integer> stored(String... reps) {
    return directory.openLeads(List.of(reps));
  }

  @Test
  void aThousandConcurrentAssignmentsEndWithinOneOfTheWeightedShares() throws Exception {
    f = new RoutingFixture(jdbc);
    String a = f.rep("a", 1000, 3);
    String b = f.rep("b", 1000, 2);
    String c = f.rep("c", 1000, 1);
    f.territory("NA", 10, "mia", List.of(), null, a, b, c);

    Map<String, Long> shares = counted(routeConcurrently(f.leads(1000)));

    assertThat(shares.keySet()).containsExactlyInAnyOrder(a, b, c);
    assertThat(shares.get(a)).isBetween(499L, 501L); // 1000 × 3/6 = 500
    assertThat(shares.get(b)).isBetween(332L, 334L); // 1000 × 2/6 = 333.3
    assertThat(shares.get(c)).isBetween(166L, 168L); // 1000 × 1/6 = 166.7
    assertThat(stored(a, b, c)).containsExactlyInAnyOrderEntriesOf(Map.of(a, shares.get(a).intValue(), b, shares.get(b).intValue(), c, shares.get(c).intValue()));
  }

  @Test
  void concurrentAssignmentsNeverPushARepPastCapacity() throws Exception {
    f = new RoutingFixture(jdbc);
    String a = f.rep("a", 40, 3);
    String b = f.rep("b", 30, 2);
    String c = f.rep("c", 20, 1);
    f.territory("NA", 10, "mia", List.of(), null, a, b, c);

    Map<String, Long> shares = counted(routeConcurrently(f.leads(200)));

    assertThat(shares).containsExactlyInAnyOrderEntriesOf(Map.of(a, 40L, b, 30L, c, 20L, "mia", 110L));
    assertThat(stored(a, b, c)).containsExactlyInAnyOrderEntriesOf(Map.of(a, 40, b, 30, c, 20));
  }
}
