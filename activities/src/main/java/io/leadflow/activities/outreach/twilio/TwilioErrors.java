package io.leadflow.activities.outreach.twilio;

import com.twilio.exception.ApiException;
import io.leadflow.activities.outreach.ProviderException;
import io.leadflow.activities.outreach.ProviderException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/** Twilio's answers, sorted into what LeadFlow does next. */
final class TwilioErrors {

  static final int INVALID_TO_NUMBER = 21211;
  static final int UNSUBSCRIBED_RECIPIENT = 21610;
  private static final Duration THROTTLE_PAUSE = Duration.ofSeconds(30);

  private TwilioErrors() {}

  static ProviderException classify(ApiException e) {
    Throwable cause = e.getCause();
    if (cause instanceof ConnectException
        || cause instanceof ConnectTimeoutException
        || cause instanceof ConnectionRequestTimeoutException) {
      // No connection, so not a byte was sent: safe to try again.
      return new ProviderException(Kind.RETRYABLE, "Twilio could not be reached: " + cause.getMessage(), null);
    }
    if (cause instanceof IOException) {
      return new ProviderException(Kind.AMBIGUOUS, "no answer from Twilio: " + cause, null);
    }
    int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
    int code = e.getCode() == null ? 0 : e.getCode();
    String message = "Twilio " + status + (code == 0 ? "" : " error " + code) + ": " + e.getMessage();
    if (code == INVALID_TO_NUMBER) {
      return new ProviderException(Kind.INVALID_ADDRESS, message, null);
    }
    if (code == UNSUBSCRIBED_RECIPIENT) {
      return new ProviderException(Kind.OPTED_OUT, message, null);
    }
    if (status == 429) {
      return new ProviderException(Kind.RETRYABLE, message, THROTTLE_PAUSE);
    }
    if (status >= 500) {
      return new ProviderException(Kind.RETRYABLE, message, null);
    }
    return new ProviderException(Kind.PERMANENT, message, null);
  }
}
