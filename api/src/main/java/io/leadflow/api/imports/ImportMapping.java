package io.leadflow.api.imports;

import io.leadflow.api.capture.CaptureLeadRequest;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which column of the file fills which property of a capture request ({@code columns}: header →
 * target), and the constants a row takes where its own cell is blank ({@code defaults}: target →
 * value). A target is a property of {@link CaptureLeadRequest} that holds one value (name, email,
 * phone, interest, company, utmSource, …) or {@code attributes.<key>}, a custom attribute. Not
 * {@code source}, which is the import's, nor {@code consent}: a list carries no one's consent.
 */
record ImportMapping(Map<String, String> columns, Map<String, String> defaults) {

  static final String ATTRIBUTES = "attributes.";
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Set<String> NOT_MAPPED = Set.of("source", "consent", "attributes");

  /** Every target a column or default may fill, by name; the Integer ones take a whole number. */
  static final Map<String, Class<?>> TARGETS =
      Arrays.stream(CaptureLeadRequest.class.getRecordComponents())
          .filter(c -> !NOT_MAPPED.contains(c.getName()))
          .filter(c -> c.getType() == String.class || c.getType() == Integer.class)
          .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getType, (a, b) -> a, TreeMap::new));

  /** The mapping the query's {@code column=<header>:<target>} and {@code default=<target>:<value>} say, or the 400 naming each bad one. */
  static ImportMapping parse(List<String> columnParameters, List<String> defaultParameters) {
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, String> columns = new LinkedHashMap<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    for (int i = 0; i < columnParameters.size(); i++) {
      String parameter = columnParameters.get(i);
      int colon = parameter.lastIndexOf(':');
      String key = "column[" + i + "]";
      if (colon <= 0) {
        errors.put(key, "must be <CSV header>:<target>, e.g. E-mail:email");
        continue;
      }
      String header = parameter.substring(0, colon).strip();
      String target = parameter.substring(colon + 1).strip();
      String problem = targetProblem(target);
      if (problem != null) {
        errors.put(key, problem);
      } else if (columns.containsKey(header)) {
        errors.put(key, "the column \"" + header + "\" is mapped twice");
      } else if (columns.containsValue(target)) {
        errors.put(key, "two columns map to " + target);
      } else {
        columns.put(header, target);
      }
    }
    for (int i = 0; i < defaultParameters.size(); i++) {
      String parameter = defaultParameters.get(i);
      int colon = parameter.indexOf(':');
      String key = "default[" + i + "]";
      if (colon <= 0) {
        errors.put(key, "must be <target>:<value>, e.g. interest:Badge scan at Expo");
        continue;
      }
      String target = parameter.substring(0, colon).strip();
      String problem = targetProblem(target);
      if (problem != null) {
        errors.put(key, problem);
      } else if (defaults.containsKey(target)) {
        errors.put(key, "two defaults for " + target);
      } else {
        defaults.put(target, parameter.substring(colon + 1).strip());
      }
    }
    if (columns.isEmpty() && errors.isEmpty()) {
      errors.put("column", "map at least one column: column=<CSV header>:<target>");
    }
    if (!errors.isEmpty()) {
      throw ImportProblems.invalidParameters(errors);
    }
    return new ImportMapping(columns, defaults);
  }

  private static String targetProblem(String target) {
    if (target.startsWith(ATTRIBUTES)) {
      return ATTRIBUTE_KEY.matcher(target.substring(ATTRIBUTES.length())).matches()
          ? null
          : "a custom attribute's key is 1 to 64 letters, digits and _ . - (attributes.<key>)";
    }
    return TARGETS.containsKey(target)
        ? null
        : "\"" + target + "\" is not a target; one of " + String.join(", ", TARGETS.keySet()) + ", or attributes.<key>";
  }

  /** Where each mapped column is in this file's header; a 400 naming each mapped column the header lacks. */
  int[] positionsIn(List<String> header) {
    Map<String, String> errors = new LinkedHashMap<>();
    int[] positions = new int[columns.size()];
    int i = 0;
    for (String column : columns.keySet()) {
      int at = header.indexOf(column);
      if (at < 0) {
        errors.put("column[" + i + "]", "\"" + column + "\" is not a column of the file's header: " + String.join(", ", header));
      } else if (header.lastIndexOf(column) != at) {
        errors.put("column[" + i + "]", "\"" + column + "\" is in the file's header twice");
      }
      positions[i++] = at;
    }
    if (!errors.isEmpty()) {
      throw ImportProblems.invalidParameters(errors);
    }
    return positions;
  }

  /** One row as the capture request it stands for: its mapped cells, blanks left out, then the defaults. */
  ObjectNode request(ObjectNode into, String source, String[] cells, int[] positions) {
    into.put("source", source);
    int i = 0;
    for (String target : columns.values()) {
      String cell = cells[positions[i++]];
      if (cell != null && !cell.isBlank()) {
        put(into, target, cell.strip());
      }
    }
    defaults.forEach((target, value) -> {
      if (!has(into, target) && !value.isBlank()) {
        put(into, target, value);
      }
    });
    return into;
  }

  private static void put(ObjectNode request, String target, String value) {
    if (target.startsWith(ATTRIBUTES)) {
      ObjectNode attributes = request.has("attributes") ? (ObjectNode) request.get("attributes") : request.putObject("attributes");
      attributes.put(target.substring(ATTRIBUTES.length()), value);
    } else {
      request.put(target, value);
    }
  }

  private static boolean has(ObjectNode request, String target) {
    return target.startsWith(ATTRIBUTES)
        ? request.path("attributes").has(target.substring(ATTRIBUTES.length()))
        : request.has(target);
  }
}
