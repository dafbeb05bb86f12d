package io.leadflow.workflows;

/** Ordered coldest first, so {@code compareTo} tells an upgrade. */
public enum Tier {
  COLD,
  WARM,
  HOT;

  public boolean isAbove(Tier other) {
    return compareTo(other) > 0;
  }
}
