package io.leadflow.activities.enrichment;

import java.net.http.HttpClient;
import java.util.Optional;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * A Clearbit-style company API over HTTP. Connection trouble, timeouts, 429 and 5xx are retried
 * with backoff up to {@code max-attempts}; other 4xx (a bad key) are not. A 404 means the
 * vendor does not know the domain.
 */
class HttpCompanyDataProvider implements CompanyDataProvider {

  private final RestClient http;
  private final String path;
  private final RetryTemplate retries;

  HttpCompanyDataProvider(VendorProperties vendor) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(vendor.connectTimeout()).build());
    requests.setReadTimeout(vendor.readTimeout());
    RestClient.Builder builder = RestClient.builder().baseUrl(vendor.baseUrl().toString()).requestFactory(requests);
    if (vendor.apiKey() != null && !vendor.apiKey().isBlank()) {
      builder.defaultHeader("Authorization", "Bearer " + vendor.apiKey());
    }
    this.http = builder.build();
    this.path = vendor.path();
    this.retries =
        new RetryTemplate(
            RetryPolicy.builder()
                .maxRetries(vendor.maxAttempts() - 1L)
                .delay(vendor.backoff())
                .multiplier(2)
                .predicate(HttpCompanyDataProvider::worthRetrying)
                .build());
  }

  @Override
  public Optional<CompanyData> lookup(String domain) {
    try {
      return retries.execute(() -> once(domain));
    } catch (RetryException e) {
      Throwable last = e.getLastException();
      throw new CompanyDataUnavailable(describe(last) + " after " + (e.getRetryCount() + 1) + " attempt(s)", last);
    }
  }

  private Optional<CompanyData> once(String domain) {
    try {
      JsonNode company =
          http.get().uri(uri -> uri.path(path).queryParam("domain", domain).build()).retrieve().body(JsonNode.class);
      return Optional.ofNullable(company).map(HttpCompanyDataProvider::companyOf);
    } catch (HttpClientErrorException.NotFound unknown) {
      return Optional.empty();
    }
  }

  private static CompanyData companyOf(JsonNode company) {
    JsonNode employees = company.path("metrics").path("employees");
    return new CompanyData(
        text(company.path("name")),
        text(company.path("category").path("industry")),
        employees.isNumber() ? employees.intValue() : null);
  }

  private static String text(JsonNode node) {
    return node.isString() && !node.stringValue().isBlank() ? node.stringValue() : null;
  }

  private static boolean worthRetrying(Throwable failure) {
    if (failure instanceof RestClientResponseException response) {
      HttpStatusCode status = response.getStatusCode();
      return status.is5xxServerError() || status.value() == HttpStatus.TOO_MANY_REQUESTS.value();
    }
    return failure instanceof RestClientException; // I/O: refused, reset, timed out
  }

  private static String describe(Throwable failure) {
    if (failure instanceof RestClientResponseException response) {
      return "HTTP " + response.getStatusCode().value();
    }
    return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }
}
