package io.leadflow.activities.routing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Smooth weighted round-robin (nginx's): every contender's counter grows by its weight, the
 * highest counter takes the lead and gives back the total weight. After n picks a rep of weight w
 * out of W has n·w/W leads within ±1, and picks interleave (a, b, a, c, a, b) rather than bunch.
 * Only the contenders of this pick move, so a rep who was away gets no burst on return. Ties go
 * to the smaller rep id, so the outcome is fully determined by the stored counters.
 */
final class WeightedRoundRobin {

  record Contender(String repId, int weight, long rotation) {}

  /** {@code chosen} takes the lead; {@code next} would be next among the others (null if none). */
  record Pick(String chosen, String next, Map<String, Long> rotations) {}

  private WeightedRoundRobin() {}

  static Pick pick(List<Contender> contenders) {
    if (contenders.isEmpty()) {
      throw new IllegalArgumentException("nobody to pick from");
    }
    long total = contenders.stream().mapToLong(Contender::weight).sum();
    Map<String, Long> rotations = new LinkedHashMap<>();
    contenders.stream()
        .sorted(Comparator.comparing(Contender::repId))
        .forEach(c -> rotations.put(c.repId(), c.rotation() + c.weight()));
    String chosen = highest(rotations, null);
    rotations.put(chosen, rotations.get(chosen) - total);
    Map<String, Integer> weights = new LinkedHashMap<>();
    contenders.forEach(c -> weights.put(c.repId(), c.weight()));
    Map<String, Long> upcoming = new LinkedHashMap<>();
    rotations.forEach((rep, rotation) -> upcoming.put(rep, rotation + weights.get(rep)));
    return new Pick(chosen, highest(upcoming, chosen), rotations);
  }

  private static String highest(Map<String, Long> counters, String except) {
    String best = null;
    for (Map.Entry<String, Long> counter : counters.entrySet()) {
      if (!counter.getKey().equals(except) && (best == null || counter.getValue() > counters.get(best))) {
        best = counter.getKey();
      }
    }
    return best;
  }
}
