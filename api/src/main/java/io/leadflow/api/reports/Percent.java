package io.leadflow.api.reports;

/** Shares as percentages; none at all when there is nothing to share. */
final class Percent {

  private Percent() {}

  static Double of(long part, long whole) {
    return whole == 0 ? null : 100.0 * part / whole;
  }
}
