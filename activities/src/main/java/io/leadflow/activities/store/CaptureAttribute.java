package io.leadflow.activities.store;

/**
 * One custom field a capture brought: a form's own field ("budget", "employees_range") or an entry
 * of a feed's {@code attributes}. Kept as sent ({@link CaptureAttributes}), never bound to the lead's
 * own fields.
 */
public record CaptureAttribute(String name, String value) {

  /** At most this many a capture; over it the capture is refused (400 naming the field). */
  public static final int MAX_PER_CAPTURE = 20;
  public static final int MAX_NAME_LENGTH = 64;
  public static final int MAX_VALUE_LENGTH = 500;
  /** What a name may be made of: a form's field names as people write them. */
  public static final String NAME_PATTERN = "[A-Za-z0-9_.-]+";
}
