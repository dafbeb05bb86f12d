package io.leadflow.activities.scoring;

import io.leadflow.activities.store.CaptureAttribute;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * One rule: when {@code signal} matches, the lead gets {@code points} for {@code reason} ("+30 demo
 * request"). TEXT and CHOICE signals match when the lead's value is one of {@code any} ("*" is
 * any known value) or, with {@code none}, is known and none of them; EMPLOYEES matches within
 * {@code min}..{@code max}; flags match when true. A rule never matches what is unknown. Within a
 * group, each signal scores once per fact: the first matching rule wins. An ATTRIBUTE rule names
 * the custom attribute it reads ({@code attribute}, case-insensitive); each attribute is a signal
 * of its own. No other rule names one.
 */
public record ScoringRule(
    RuleGroup group, Signal signal, List<String> any, List<String> none, Integer min, Integer max, int points, String reason,
    String attribute) {

  @ConstructorBinding
  public ScoringRule {
    any = any == null ? List.of() : List.copyOf(any);
    none = none == null ? List.of() : List.copyOf(none);
    if (group == null || signal == null) {
      throw new IllegalArgumentException("a scoring rule needs a group and a signal");
    }
    if (reason == null || reason.isBlank() || reason.length() > 100) {
      throw new IllegalArgumentException("a scoring rule needs a reason of at most 100 characters");
    }
    if (points < -100 || points > 100) {
      throw new IllegalArgumentException("points must be between -100 and 100 (rule \"" + reason + "\")");
    }
    String shape = shapeProblem(signal, any, none, min, max);
    if (shape == null) {
      shape = attributeProblem(signal, attribute);
    }
    if (shape != null) {
      throw new IllegalArgumentException(shape + " (rule \"" + reason + "\")");
    }
  }

  /** A rule on any signal but ATTRIBUTE. */
  public ScoringRule(
      RuleGroup group, Signal signal, List<String> any, List<String> none, Integer min, Integer max, int points, String reason) {
    this(group, signal, any, none, min, max, points, reason, null);
  }

  private static String attributeProblem(Signal signal, String attribute) {
    if (signal != Signal.ATTRIBUTE) {
      return attribute == null ? null : "only an ATTRIBUTE rule names an attribute";
    }
    return attribute != null && attribute.length() <= CaptureAttribute.MAX_NAME_LENGTH && attribute.matches(CaptureAttribute.NAME_PATTERN)
        ? null
        : "an ATTRIBUTE rule needs the attribute's name: 1 to " + CaptureAttribute.MAX_NAME_LENGTH + " letters, digits and _ . -";
  }

  boolean matches(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (signal.kind()) {
      case FLAG -> Boolean.parseBoolean(value);
      case NUMBER -> inRange(Long.parseLong(value));
      case TEXT, CHOICE -> any.isEmpty() ? none.stream().noneMatch(v -> same(value, v)) : any.stream().anyMatch(v -> same(value, v));
    };
  }

  private boolean inRange(long value) {
    return (min == null || value >= min) && (max == null || value <= max);
  }

  private boolean same(String value, String listed) {
    String actual = value.toLowerCase(Locale.ROOT);
    String wanted = listed.toLowerCase(Locale.ROOT);
    if (wanted.equals("*")) {
      return true;
    }
    return switch (signal) {
      case DOMAIN -> actual.equals(wanted) || actual.endsWith("." + wanted);
      default -> signal.kind() == Signal.Kind.TEXT ? actual.contains(wanted) : actual.equals(wanted);
    };
  }

  private static String shapeProblem(Signal signal, List<String> any, List<String> none, Integer min, Integer max) {
    boolean values = !any.isEmpty() || !none.isEmpty();
    boolean range = min != null || max != null;
    return switch (signal.kind()) {
      case FLAG -> values || range ? signal + " is a yes/no signal: give neither values nor a range" : null;
      case NUMBER -> {
        if (values || !range) {
          yield signal + " is a number: give min and/or max, no values";
        }
        yield min != null && max != null && min > max ? "min must not exceed max" : null;
      }
      case TEXT, CHOICE -> {
        if (range) {
          yield signal + " takes values, not a range";
        }
        if (any.isEmpty() == none.isEmpty()) {
          yield signal + " needs values in exactly one of any or none";
        }
        yield any.stream().anyMatch(v -> v == null || v.isBlank()) || none.stream().anyMatch(v -> v == null || v.isBlank())
            ? "values must not be blank"
            : null;
      }
    };
  }
}
