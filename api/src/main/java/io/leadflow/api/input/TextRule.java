package io.leadflow.api.input;

import java.util.Optional;

/**
 * The text the API takes: what PostgreSQL can store and a person can read. Refused in every field
 * and parameter: NUL and the other control characters (tab, line feed and carriage return are
 * allowed in {@link MultilineText}), unpaired surrogates (half a character, which UTF-8 cannot
 * carry), and, outside multi-line text, the bidirectional overrides and isolates that make a name
 * read differently from what it is (U+202A–U+202E, U+2066–U+2069).
 */
public final class TextRule {

  private TextRule() {}

  /** What is wrong with {@code text}, in words for the caller; empty when it is acceptable. */
  public static Optional<String> violation(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("contains an unpaired surrogate (" + codePoint(c) + "), which is not a character");
      } else if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
        return Optional.of(
            "contains the control character " + codePoint(c) + (multiline ? "" : "; this field is a single line of text"));
      } else if (!multiline && isBidiControl(c)) {
        return Optional.of("contains the bidirectional control " + codePoint(c) + ", which would change how it reads");
      }
    }
    return Optional.empty();
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }
}
