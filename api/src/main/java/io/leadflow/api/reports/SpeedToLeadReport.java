package io.leadflow.api.reports;

import java.time.Instant;
import java.util.List;

/**
 * How fast leads captured in a period were answered: capture → first touch sent, capture → first
 * acknowledgement by a rep, as median and 90th percentile (a few very slow leads must not hide
 * in a mean), and the share of leads whose first rep acknowledged within the ack SLA. Overall,
 * by source, by tier and by the rep the lead was first routed to (the rep whose SLA it was).
 */
record SpeedToLeadReport(
    Instant from,
    Instant to,
    Row overall,
    List<Row> bySource,
    List<Row> byTier,
    List<Row> byRep,
    List<Bucket> distribution) {

  /** One group's figures; {@code leads} counts every lead captured, answered or not. */
  record Row(String group, long leads, Delay firstTouch, Delay acknowledgement, Sla sla) {}

  /** Seconds from capture; {@code count} is how many leads got there (null figures when none). */
  record Delay(long count, Double medianSeconds, Double p90Seconds) {}

  /**
   * {@code met}: acknowledged by the first assigned rep before the SLA ran out; {@code missed}:
   * the SLA ran out and the lead was escalated. Leads still inside their SLA, and leads that
   * replied or closed before anyone had to acknowledge, are neither.
   */
  record Sla(long met, long missed, Double compliancePercent) {

    static Sla of(long met, long missed) {
      return new Sla(met, missed, met + missed == 0 ? null : 100.0 * met / (met + missed));
    }
  }

  /** How many leads took {@code [fromSeconds, toSeconds)} ({@code toSeconds} null: and longer). */
  record Bucket(long fromSeconds, Long toSeconds, long firstTouch, long acknowledgement) {}
}
