package io.leadflow.activities.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.routing.WeightedRoundRobin.Contender;
import io.leadflow.activities.routing.WeightedRoundRobin.Pick;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class WeightedRoundRobinTest {

  /** Runs {@code picks} picks over reps r0..rn with these weights; counts per rep after each pick. */
  private static List<Map<String, Integer>> run(int[] weights, int picks, Map<String, Long> rotation) {
    List<Map<String, Integer>> history = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < picks; i++) {
      List<Contender> contenders = new ArrayList<>();
      for (int r = 0; r < weights.length; r++) {
        contenders.add(new Contender("r" + r, weights[r], rotation.getOrDefault("r" + r, 0L)));
      }
      Pick pick = WeightedRoundRobin.pick(contenders);
      rotation.putAll(pick.rotations());
      counts.merge(pick.chosen(), 1, Integer::sum);
      history.add(new HashMap<>(counts));
    }
    return history;
  }

  @RepeatedTest(20)
  void afterEveryPickEachRepIsWithinOneOfItsWeightedShare() {
    Random random = new Random();
    int[] weights = random.ints(2 + random.nextInt(7), 1, 21).toArray();
    int total = Arrays.stream(weights).sum();

    List<Map<String, Integer>> history = run(weights, 500, new HashMap<>());

    for (int n = 1; n <= history.size(); n++) {
      for (int r = 0; r < weights.length; r++) {
        double share = (double) n * weights[r] / total;
        assertThat((double) history.get(n - 1).getOrDefault("r" + r, 0))
            .as("weights %s, rep %d after %d picks", Arrays.toString(weights), r, n)
            .isBetween(share - 1, share + 1);
      }
    }
  }

  @Test
  void theNextRepIsWhoWouldFollowAmongTheOthers() {
    Pick pick = WeightedRoundRobin.pick(List.of(new Contender("a", 3, 0), new Contender("b", 2, 0), new Contender("c", 1, 0)));

    assertThat(pick.chosen()).isEqualTo("a");
    assertThat(pick.next()).isEqualTo("b");
    assertThat(pick.rotations()).containsExactlyInAnyOrderEntriesOf(Map.of("a", -3L, "b", 2L, "c", 1L));
    assertThat(WeightedRoundRobin.pick(List.of(new Contender("a", 1, 0))).next()).isNull();
  }

  @Test
  void aRepWhoWasAwayGetsNoBurstOnReturn() {
    Map<String, Long> rotation = new HashMap<>();
    run(new int[] {1, 1}, 50, rotation); // r0 and r1 alone
    List<Map<String, Integer>> withR2Back = run(new int[] {1, 1, 1}, 6, rotation);

    assertThat(withR2Back.get(5)).containsEntry("r2", 2); // its share of 6 picks, not a catch-up
  }
}
