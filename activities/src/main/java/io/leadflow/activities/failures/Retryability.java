package io.leadflow.activities.failures;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import org.springframework.dao.NonTransientDataAccessException;

/**
 * Which failures a retry cannot cure. A value the database refuses (too long, a broken
 * constraint) or an argument an activity rejects fails the same way every time: it is made
 * non-retryable, so the lead's step gives up at once instead of retrying until its bound.
 * Everything else (a connection lost, a timeout, a provider's 5xx) is retried within the bound.
 */
final class Retryability {

  private Retryability() {}

  static RuntimeException classify(RuntimeException failure) {
    if (failure instanceof TemporalFailure) {
      return failure;
    }
    if (failure instanceof NonTransientDataAccessException || failure instanceof IllegalArgumentException) {
      return ApplicationFailure.newNonRetryableFailureWithCause(
          String.valueOf(mostSpecificMessage(failure)), failure.getClass().getSimpleName(), failure);
    }
    return failure;
  }

  private static String mostSpecificMessage(Throwable failure) {
    Throwable cause = failure instanceof NonTransientDataAccessException data ? data.getMostSpecificCause() : failure;
    return cause.getMessage() != null ? cause.getMessage() : failure.getMessage();
  }
}
