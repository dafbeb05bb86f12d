package io.leadflow.api.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Abuse limits on capture, per API instance: captures per API key per minute (a leaked form key
 * cannot flood the pipeline), and captures per destination phone per hour (SMS pumping: bots
 * entering premium numbers to make us text them). Over a limit: 429 with Retry-After.
 */
@Component
class CaptureLimits {

  private final int perKeyPerMinute;
  private final int perPhonePerHour;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  CaptureLimits(
      @Value("${leadflow.capture.per-key-per-minute:600}") int perKeyPerMinute,
      @Value("${leadflow.capture.per-phone-per-hour:5}") int perPhonePerHour) {
    this.perKeyPerMinute = perKeyPerMinute;
    this.perPhonePerHour = perPhonePerHour;
  }

  void check(long apiKeyId, String e164Phone) {
    take("key:" + apiKeyId, perKeyPerMinute, Duration.ofMinutes(1), "captures for this API key");
    if (e164Phone != null) {
      take("phone:" + e164Phone, perPhonePerHour, Duration.ofHours(1), "captures for this phone number");
    }
  }

  private void take(String bucket, int limit, Duration window, String what) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(bucket, b -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        long retryAfter = Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds());
        ProblemDetail problem =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, "Too many " + what + ": at most " + limit + " per " + window.toMinutes() + " min.");
        ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        throw tooMany;
      }
      times.addLast(now);
    }
  }
}
