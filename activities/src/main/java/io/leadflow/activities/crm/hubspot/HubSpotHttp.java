package io.leadflow.activities.crm.hubspot;

import io.leadflow.activities.crm.CrmException;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot's CRM v3 REST API over one {@link RestClient}: a private app's Bearer token, the configured
 * timeouts, JSON in and out, and every failure turned into a {@link CrmException}. It never retries
 * itself: the activity's retry is the only retry.
 */
class HubSpotHttp {

  private final RestClient http;
  private final HubSpotErrors errors;

  HubSpotHttp(HubSpotProperties properties) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            // HTTP/1.1: the JDK's default HTTP/2 would try an h2c upgrade on a plain-http base URL.
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build());
    requests.setReadTimeout(properties.readTimeout());
    this.http =
        RestClient.builder()
            .baseUrl(properties.baseUrl().toString())
            .requestFactory(requests)
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.token())
            .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
            .build();
    this.errors = new HubSpotErrors(properties.token());
  }

  HubSpotErrors errors() {
    return errors;
  }

  /** POSTs {@code body} as JSON to {@code path}; HubSpot's JSON answer. */
  JsonNode post(String path, Object body) {
    return call(
        () -> http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class),
        false);
  }

  /** GETs one object by {@code idProperty}'s value, with {@code properties}; empty when HubSpot has none (404). */
  Optional<JsonNode> find(String objectPath, String idValue, String idProperty, String properties) {
    return Optional.ofNullable(
        call(
            () ->
                http.get()
                    .uri(
                        uri ->
                            uri.path(objectPath + "/{id}")
                                .queryParam("idProperty", idProperty)
                                .queryParam("properties", properties)
                                .build(idValue))
                    .retrieve()
                    .body(JsonNode.class),
            true));
  }

  /** The answer; null for a 404 when {@code absentIsNull} (a lookup), else a 404 is refused like any 4xx. */
  private JsonNode call(Supplier<JsonNode> request, boolean absentIsNull) {
    try {
      return request.get();
    } catch (RestClientResponseException answer) {
      int status = answer.getStatusCode().value();
      if (absentIsNull && status == HttpStatus.NOT_FOUND.value()) {
        return null;
      }
      throw errors.fromResponse(status, answer.getResponseHeaders(), answer.getResponseBodyAsString());
    } catch (RestClientException noAnswer) {
      throw errors.unreachable(noAnswer);
    }
  }
}
