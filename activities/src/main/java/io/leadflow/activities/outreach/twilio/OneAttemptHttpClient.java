package io.leadflow.activities.outreach.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * twilio-java's HTTP client with one attempt per call. The stock one repeats a POST itself: any
 * 5xx up to three times 100 ms apart, and its Apache client a 429 or 503 once more after a second.
 * Here the activity's retry (with backoff, 30 s after a 429) is the only retry, so a throttled
 * Twilio is not hammered and a send is in flight for one attempt only.
 * Optionally sends to another base URL than https://api.twilio.com (WireMock in tests).
 */
class OneAttemptHttpClient extends HttpClient {

  /** Every request goes to one host, so this is how many Twilio requests are in flight at most. */
  static final int CONNECTIONS = 20;

  private static final String TWILIO = "https://api.twilio.com";
  private static final int[] NO_RETRY_CODES = {};

  private final String baseUrl;
  private final NetworkHttpClient network;

  /**
   * @param baseUrl where to send Twilio's requests instead, or null for Twilio itself
   * @param readTimeout how long to wait for Twilio's answer
   */
  OneAttemptHttpClient(String baseUrl, Duration readTimeout) {
    this.baseUrl = baseUrl == null || !baseUrl.endsWith("/") ? baseUrl : baseUrl.substring(0, baseUrl.length() - 1);
    this.network = new NetworkHttpClient(noAutomaticRetries(readTimeout));
  }

  @Override
  public Response reliableRequest(Request request) {
    return reliableRequest(request, NO_RETRY_CODES, 1, 0);
  }

  @Override
  public Response makeRequest(Request request) {
    if (baseUrl == null) {
      return network.makeRequest(request);
    }
    Request moved = new Request(request.getMethod(), request.getUrl().replace(TWILIO, baseUrl));
    moved.setAuth(request.getUsername(), request.getPassword());
    copy(request.getPostParams(), moved::addPostParam);
    copy(request.getQueryParams(), moved::addQueryParam);
    copy(request.getHeaderParams(), moved::addHeaderParam);
    return network.makeRequest(moved);
  }

  /** The stock client's settings without the retries, and our read timeout. */
  private static HttpClientBuilder noAutomaticRetries(Duration readTimeout) {
    PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
    connections.setDefaultSocketConfig(
        SocketConfig.copy(DEFAULT_SOCKET_CONFIG).setSoTimeout(Timeout.ofMilliseconds(readTimeout.toMillis())).build());
    connections.setDefaultMaxPerRoute(CONNECTIONS);
    connections.setMaxTotal(CONNECTIONS);
    return HttpClientBuilder.create()
        .useSystemProperties()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(DEFAULT_REQUEST_CONFIG)
        .disableAutomaticRetries();
  }

  private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
    params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
  }
}
