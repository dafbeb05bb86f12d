package io.leadflow.activities.outreach.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.util.List;
import java.util.Map;

/** Sends twilio-java's requests to another base URL than https://api.twilio.com (WireMock in tests). */
class BaseUrlHttpClient extends HttpClient {

  private static final String TWILIO = "https://api.twilio.com";

  private final String baseUrl;
  private final NetworkHttpClient network = new NetworkHttpClient();

  BaseUrlHttpClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public Response makeRequest(Request request) {
    Request moved = new Request(request.getMethod(), request.getUrl().replace(TWILIO, baseUrl));
    moved.setAuth(request.getUsername(), request.getPassword());
    copy(request.getPostParams(), moved::addPostParam);
    copy(request.getQueryParams(), moved::addQueryParam);
    copy(request.getHeaderParams(), moved::addHeaderParam);
    return network.makeRequest(moved);
  }

  private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
    params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
  }
}
