package io.leadflow.activities.outreach.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's webhook proof: an X-Twilio-Signature over the public URL Twilio was configured with
 * (not whatever a proxy rewrote it to) and the body parameters, keyed with the account's auth
 * token; checked with twilio-java's RequestValidator.
 */
public final class TwilioSignature {

  private TwilioSignature() {}

  /**
   * @param authToken {@link TwilioProperties#authToken()}
   * @param publicBaseUrl the URL Twilio was given, e.g. https://leads.example.com
   * @param path the request's path
   * @return why the request is not provably Twilio's, or empty when it is
   */
  public static Optional<String> rejection(
      String authToken, String publicBaseUrl, String path, Map<String, String> params, String signature) {
    if (authToken == null || authToken.isBlank() || publicBaseUrl == null) {
      return Optional.of("Twilio webhooks are not configured (leadflow.webhooks.twilio-auth-token, public-base-url).");
    }
    if (signature == null || !new RequestValidator(authToken).validate(publicBaseUrl + path, params, signature)) {
      return Optional.of("The X-Twilio-Signature does not match this request.");
    }
    return Optional.empty();
  }
}
