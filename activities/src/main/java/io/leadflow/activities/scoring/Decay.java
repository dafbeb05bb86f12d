package io.leadflow.activities.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How behavioural points age: half after {@code halveAfter} (30 days), none when a silence of
 * {@code resetAfter} (90 days) or more followed them. Ages are measured up to the moment the
 * score is for (the workflow's time, passed in the request), else the lead's latest known
 * activity; never from a clock read here, so the same request always gives the same score.
 */
public record Decay(Duration halveAfter, Duration resetAfter) {

  public Decay {
    halveAfter = halveAfter == null ? Duration.ofDays(30) : halveAfter;
    resetAfter = resetAfter == null ? Duration.ofDays(90) : resetAfter;
    if (halveAfter.isNegative() || halveAfter.isZero() || resetAfter.compareTo(halveAfter) <= 0) {
      throw new IllegalArgumentException("leadflow.scoring.decay: halve-after must be positive and below reset-after");
    }
  }

  /** What happened to points earned at {@code at}; {@code note} says why in words, null when kept. */
  record Effect(int points, String note) {}

  /**
   * The lead's activity times, in any order (nulls are unknown times and ignored), seen from
   * {@code asOf} (null: from the latest activity). A silence up to {@code asOf} ages and resets
   * points like one between two activities.
   */
  Timeline timeline(List<Instant> activity, Instant asOf) {
    List<Instant> times = new ArrayList<>(activity.stream().filter(Objects::nonNull).sorted().toList());
    if (asOf != null && !times.isEmpty() && asOf.isAfter(times.get(times.size() - 1))) {
      times.add(asOf);
    }
    Instant latest = times.isEmpty() ? null : times.get(times.size() - 1);
    Instant resetBefore = null;
    Duration silence = null;
    for (int i = 1; i < times.size(); i++) {
      Duration gap = Duration.between(times.get(i - 1), times.get(i));
      if (gap.compareTo(resetAfter) >= 0) {
        resetBefore = times.get(i);
        silence = gap;
      }
    }
    return new Timeline(latest, resetBefore, silence, halveAfter);
  }

  /** {@code latest} activity; everything before {@code resetBefore} followed a {@code silence}. */
  record Timeline(Instant latest, Instant resetBefore, Duration silence, Duration halveAfter) {

    Effect apply(int points, Instant at) {
      if (at == null || latest == null) {
        return new Effect(points, null);
      }
      if (resetBefore != null && at.isBefore(resetBefore)) {
        return new Effect(0, "reset after " + silence.toDays() + " days without activity");
      }
      Duration age = Duration.between(at, latest);
      if (age.compareTo(halveAfter) >= 0) {
        return new Effect(points / 2, "halved: " + age.toDays() + " days old");
      }
      return new Effect(points, null);
    }
  }
}
