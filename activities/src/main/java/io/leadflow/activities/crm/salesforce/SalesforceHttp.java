package io.leadflow.activities.crm.salesforce;

import io.leadflow.activities.crm.CrmException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends one request and hands back Salesforce's answer, every status included: the caller reads
 * Salesforce's error body itself. No connection, a reset or a read timeout is retryable: every
 * LeadFlow call is an upsert by an external id, so repeating one never creates a second record.
 */
class SalesforceHttp {

  private final RestClient rest;

  SalesforceHttp(SalesforceProperties properties) {
    // HTTP/1.1: the JDK client's default HTTP/2 upgrade of a plain-HTTP connection stalls some
    // servers and proxies, and one short request per call gains nothing from HTTP/2.
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.connectTimeout()).build());
    requests.setReadTimeout(properties.readTimeout());
    this.rest = RestClient.builder().requestFactory(requests).build();
  }

  /**
   * A REST API call with the access token; {@code body} (null for none) is sent as JSON. Without
   * {@code Sforce-Auto-Assign: FALSE} Salesforce runs the org's lead assignment rules on every
   * create and update, replacing the owner LeadFlow routed the lead to.
   */
  SalesforceAnswer send(HttpMethod method, URI uri, String accessToken, Map<String, Object> body) {
    RestClient.RequestBodySpec request =
        rest.method(method)
            .uri(uri)
            .headers(headers -> headers.setBearerAuth(accessToken))
            .header("Sforce-Auto-Assign", "FALSE")
            .accept(MediaType.APPLICATION_JSON);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return exchange(request, method, uri);
  }

  /** A form POST (the OAuth token endpoint). */
  SalesforceAnswer postForm(URI uri, MultiValueMap<String, String> form) {
    RestClient.RequestBodySpec request =
        rest.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON).body(form);
    return exchange(request, HttpMethod.POST, uri);
  }

  private static SalesforceAnswer exchange(RestClient.RequestHeadersSpec<?> request, HttpMethod method, URI uri) {
    try {
      return request.exchange(
          (sent, response) -> {
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(response.getHeaders());
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            return new SalesforceAnswer(response.getStatusCode().value(), headers, body);
          });
    } catch (RestClientException e) {
      Throwable cause = e.getCause() instanceof IOException io ? io : e;
      throw CrmException.retryable(
          "no answer from Salesforce to " + method + " " + uri.getPath() + ": " + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
          null);
    }
  }
}
