package io.leadflow.bench;

import org.HdrHistogram.Histogram;

/** One latency distribution in milliseconds, printed the way docs/benchmarks.md shows it. */
final class Latencies {

  private final Histogram histogram = new Histogram(3_600_000_000L, 3);

  synchronized void recordMicros(long micros) {
    histogram.recordValue(Math.max(0, micros));
  }

  synchronized long count() {
    return histogram.getTotalCount();
  }

  synchronized String summary() {
    if (histogram.getTotalCount() == 0) {
      return "no samples";
    }
    return String.format(
        "n=%d p50=%.1f ms p99=%.1f ms p99.9=%.1f ms max=%.1f ms",
        histogram.getTotalCount(),
        histogram.getValueAtPercentile(50) / 1000.0,
        histogram.getValueAtPercentile(99) / 1000.0,
        histogram.getValueAtPercentile(99.9) / 1000.0,
        histogram.getMaxValue() / 1000.0);
  }

  synchronized double percentileMillis(double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
