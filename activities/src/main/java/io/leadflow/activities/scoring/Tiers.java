package io.leadflow.activities.scoring;

import io.leadflow.workflows.Tier;

/** Score thresholds: HOT from {@code hotFrom} (35), WARM from {@code warmFrom} (15), COLD below. */
public record Tiers(Integer hotFrom, Integer warmFrom) {

  public Tiers {
    hotFrom = hotFrom == null ? 35 : hotFrom;
    warmFrom = warmFrom == null ? 15 : warmFrom;
    if (warmFrom >= hotFrom) {
      throw new IllegalArgumentException("leadflow.scoring.tiers: warm-from (" + warmFrom + ") must be below hot-from (" + hotFrom + ")");
    }
  }

  public Tier tierOf(int total) {
    return total >= hotFrom ? Tier.HOT : total >= warmFrom ? Tier.WARM : Tier.COLD;
  }
}
