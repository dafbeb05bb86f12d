package io.leadflow.activities.outreach.twilio;

import com.twilio.exception.ApiException;
import io.leadflow.activities.outreach.ProviderException;
import io.leadflow.activities.outreach.ProviderException.Kind;
import java.net.ConnectException;
import java.time.Duration;

/** Twilio's answers, sorted into what LeadFlow does next. */
final class TwilioErrors {

  static final int INVALID_TO_NUMBER = 21211;
  static final int UNSUBSCRIBED_RECIPIENT = 21610;
  private static final Duration THROTTLE_PAUSE = Duration.ofSeconds(30);

  private TwilioErrors() {}

  static ProviderException classify(ApiException e) {
    if (e.getCause() instanceof ConnectException refused) {
      // Refused before a byte was sent: safe to try again. Other I/O failures may have reached
      // Twilio and stay non-retryable (at most once).
      return new ProviderException(Kind.RETRYABLE, "Twilio could not be reached: " + refused.getMessage(), null);
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
