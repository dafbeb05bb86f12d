package io.leadflow.activities.crm.salesforce;

import io.leadflow.activities.crm.CrmException;
import java.net.URI;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The access token of the OAuth 2.0 client credentials flow, fetched once and shared by every
 * call and thread. Salesforce does not say when a token expires (the run-as user's session
 * timeout decides), so a token is kept until a call answers 401; then {@link #renew} fetches the
 * next one, once for all the calls that held the stale token.
 */
class SalesforceTokens {

  /** An access token and the org's instance URL, where REST API calls go. */
  record Token(String accessToken, String instanceUrl) {

    @Override
    public String toString() {
      return "Token[accessToken=***, instanceUrl=" + instanceUrl + "]";
    }
  }

  private final SalesforceHttp http;
  private final SalesforceProperties properties;
  private final Object fetching = new Object();
  private volatile Token current;
  private volatile Token previous;

  SalesforceTokens(SalesforceHttp http, SalesforceProperties properties) {
    this.http = http;
    this.properties = properties;
  }

  Token current() {
    Token token = current;
    if (token != null) {
      return token;
    }
    synchronized (fetching) {
      if (current == null) {
        current = fetch();
      }
      return current;
    }
  }

  /** A token other than {@code stale}: the one another caller fetched meanwhile, or a new one. */
  Token renew(Token stale) {
    synchronized (fetching) {
      if (current == null || current.equals(stale)) {
        previous = current;
        current = fetch();
      }
      return current;
    }
  }

  /** The text without the client secret or a token: what Salesforce echoes must not reach a log. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = hide(text, properties.clientSecret());
    for (Token token : new Token[] {current, previous}) {
      redacted = token == null ? redacted : hide(redacted, token.accessToken());
    }
    return redacted;
  }

  /** The same failure, its message redacted. */
  CrmException redact(CrmException failure) {
    String message = redact(failure.getMessage());
    return failure.retryable() ? CrmException.retryable(message, failure.retryAfter()) : CrmException.refused(message);
  }

  private static String hide(String text, String secret) {
    return secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
  }

  private Token fetch() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", properties.clientId());
    form.add("client_secret", properties.clientSecret());
    SalesforceAnswer answer = http.postForm(URI.create(properties.loginUrl() + "/services/oauth2/token"), form);
    String accessToken = answer.text("access_token");
    String instanceUrl = answer.text("instance_url");
    if (answer.isSuccess() && accessToken != null && instanceUrl != null) {
      return new Token(accessToken, instanceUrl.replaceAll("/+$", ""));
    }
    throw refusal(answer);
  }

  /**
   * {@code invalid_client} (wrong key or secret), {@code invalid_grant} (flow not enabled, no
   * run-as user, not the My Domain URL) and every other 4xx stay so until an admin acts; a
   * throttled or failing login service is retried.
   */
  private static CrmException refusal(SalesforceAnswer answer) {
    String error = answer.text("error");
    String description = answer.text("error_description");
    String message =
        "Salesforce token endpoint answered " + answer.status()
            + (error == null ? "" : " " + error)
            + (description == null ? "" : ": " + SalesforceErrors.bounded(description));
    if (answer.status() == 429 || answer.status() >= 500) {
      return CrmException.retryable(message, SalesforceErrors.retryAfter(answer));
    }
    if (answer.isSuccess()) {
      return CrmException.refused("Salesforce token endpoint answered " + answer.status() + " without a token or instance_url");
    }
    return CrmException.refused(message);
  }
}
