package io.leadflow.activities.messages;

import java.util.regex.Pattern;

/**
 * A text with the opt-out hint the first text to a number carries: appended after a space, unless
 * the text already mentions STOP (any case) or holds the hint, when it keeps its own wording.
 */
public final class OptOutHintText {

  private static final Pattern MENTIONS_STOP = Pattern.compile("\\bSTOP\\b", Pattern.CASE_INSENSITIVE);

  private OptOutHintText() {}

  /** True when {@code text} needs the hint added. */
  public static boolean lacksHint(String text, String hint) {
    return !MENTIONS_STOP.matcher(text).find() && !text.contains(hint);
  }

  /** {@code text} as a first text sends it. */
  public static String withHint(String text, String hint) {
    if (!lacksHint(text, hint)) {
      return text;
    }
    return text.isBlank() ? hint : text.stripTrailing() + " " + hint;
  }
}
