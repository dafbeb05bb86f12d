package io.leadflow.api.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of Prometheus' text exposition format. */
record PrometheusText(String text) {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** The value of the one sample of {@code name} carrying all {@code labels}, if there is one. */
  OptionalDouble value(String name, Map<String, String> labels) {
    List<Double> values =
        text.lines()
            .map(SAMPLE::matcher)
            .filter(Matcher::find)
            .filter(sample -> sample.group(1).equals(name) && labelsOf(sample.group(2)).entrySet().containsAll(labels.entrySet()))
            .map(sample -> Double.parseDouble(sample.group(3)))
            .toList();
    if (values.size() > 1) {
      throw new AssertionError(values.size() + " samples of " + name + labels);
    }
    return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.get(0));
  }

  boolean hasMetricStartingWith(String prefix) {
    return text.lines().anyMatch(line -> line.startsWith(prefix));
  }

  private static Map<String, String> labelsOf(String labels) {
    Map<String, String> map = new HashMap<>();
    if (labels != null) {
      Matcher label = LABEL.matcher(labels);
      while (label.find()) {
        map.put(label.group(1), label.group(2));
      }
    }
    return map;
  }
}
