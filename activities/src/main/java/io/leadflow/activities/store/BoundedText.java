package io.leadflow.activities.store;

/**
 * A provider's words (an error body, say) stored in a column of bounded length: cut to fit, the
 * cut marked with an ellipsis. Too long must never fail the write that records a send.
 */
public final class BoundedText {

  private BoundedText() {}

  public static String fit(String text, int columnLength) {
    if (text == null || text.length() <= columnLength) {
      return text;
    }
    return text.substring(0, columnLength - 1) + "…";
  }
}
