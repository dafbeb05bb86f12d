package io.leadflow.api.forms;

import java.time.Instant;
import java.util.List;

/**
 * A web form that captures leads without an API key. Its {@code formKey} sits in the page (it is
 * publishable, not a secret): it can only capture, and every lead it brings has the source
 * {@code name}. Browsers may send it from {@code allowedOrigins} only. {@code thankYouUrl}: where
 * the person is sent after submitting (303); without it the answer is the API's JSON.
 * {@code honeypotField}: a field hidden from people, so whatever fills it is a bot;
 * {@code minFillSeconds}: a submission sooner than this after the page was rendered (its
 * {@code renderedAt} field) is a bot's. Bots' submissions are answered like anyone's, stored
 * nowhere and counted ({@code honeypotCaught}, {@code tooFastCaught}).
 */
public record FormSource(
    long id,
    String name,
    String formKey,
    List<String> allowedOrigins,
    String thankYouUrl,
    String honeypotField,
    int minFillSeconds,
    long honeypotCaught,
    long tooFastCaught,
    Instant createdAt,
    Instant updatedAt) {

  /** The form field carrying the form key. */
  public static final String KEY_FIELD = "formKey";
  /** The form field carrying when the page was rendered: epoch milliseconds or an ISO-8601 instant. */
  public static final String RENDERED_AT_FIELD = "renderedAt";

  public FormSource {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** What an admin sets; the key and the counters are LeadFlow's. */
  public record Settings(List<String> allowedOrigins, String thankYouUrl, String honeypotField, int minFillSeconds) {}

  /** Why a submission was taken for a bot's. */
  public enum Caught {
    HONEYPOT,
    TOO_FAST
  }
}
