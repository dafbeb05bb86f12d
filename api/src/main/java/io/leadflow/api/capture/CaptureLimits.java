package io.leadflow.api.capture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Abuse limits on capture, per API instance: captures per API key per minute (a leaked form key
 * cannot flood the pipeline), captures per destination phone per hour (SMS pumping: bots
 * entering numbers to make us text them; each text costs money), and captures per email address
 * per hour (one address hammered to fill the store and its lead's history). The email limit is
 * generous (100): emails cost little, a known person's repeats are coalesced after three a day,
 * and fifty identical captures at once must still join one lead. Over a limit: 429 with
 * Retry-After.
 *
 * <p>Each limit is a Bucket4j token bucket (full at {@code limit}, refilled to it once per window)
 * held in a Caffeine cache that forgets a bucket once it has been idle for its window (it would be
 * full again by then) and never holds more than {@code maxTracked} buckets, so a stream of new
 * phone numbers cannot grow memory. Evicting a bucket early cannot be used to escape a limit: a
 * phone's bucket is pushed out by {@code maxTracked} (100,000) newer phones within the hour, far
 * more than one API key's 600 captures a minute can bring.
 */
@Component
public class CaptureLimits {

  static final long MAX_TRACKED = 100_000;

  private final Limit perKey;
  private final Limit perPhone;
  private final Limit perEmail;

  @Autowired
  CaptureLimits(
      @Value("${leadflow.capture.per-key-per-minute:600}") int perKeyPerMinute,
      @Value("${leadflow.capture.per-phone-per-hour:5}") int perPhonePerHour,
      @Value("${leadflow.capture.per-email-per-hour:100}") int perEmailPerHour) {
    this(perKeyPerMinute, perPhonePerHour, perEmailPerHour, MAX_TRACKED);
  }

  CaptureLimits(int perKeyPerMinute, int perPhonePerHour, int perEmailPerHour, long maxTracked) {
    perKey = new Limit(perKeyPerMinute, Duration.ofMinutes(1), "captures for this API key", maxTracked);
    perPhone = new Limit(perPhonePerHour, Duration.ofHours(1), "captures for this phone number", maxTracked);
    perEmail = new Limit(perEmailPerHour, Duration.ofHours(1), "captures for this email address", maxTracked);
  }

  /** {@code emailKey}: the normalized address (ContactKeys), so its case cannot dodge the limit. */
  void check(long apiKeyId, String e164Phone, String emailKey) {
    check(Long.toString(apiKeyId), e164Phone, emailKey);
  }

  /**
   * A form source's captures count against its own per-key budget; the phone and email limits
   * are the same ones every API key's captures count against, so the form path cannot walk
   * around them.
   */
  void checkForm(long formSourceId, String e164Phone, String emailKey) {
    check("form-" + formSourceId, e164Phone, emailKey);
  }

  /** {@code sender}: what the per-key limit counts by, an API key's id or {@code intake:<source>}. */
  public void check(String sender, String e164Phone, String emailKey) {
    perKey.take(sender);
    if (e164Phone != null) {
      perPhone.take(e164Phone);
    }
    if (emailKey != null) {
      perEmail.take(emailKey);
    }
  }

  /** A person who called or texted the team's number: no API key, the phone's limit only. */
  void checkPhone(String e164Phone) {
    perPhone.take(e164Phone);
  }

  /** How many buckets are held now, all limits together. */
  long tracked() {
    return perKey.tracked() + perPhone.tracked() + perEmail.tracked();
  }

  private static final class Limit {

    private final int limit;
    private final Duration window;
    private final String what;
    private final Cache<String, Bucket> buckets;

    Limit(int limit, Duration window, String what, long maxTracked) {
      this.limit = limit;
      this.window = window;
      this.what = what;
      this.buckets = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterAccess(window).build();
    }

    void take(String key) {
      Bucket bucket =
          buckets.get(key, k -> Bucket.builder().addLimit(l -> l.capacity(limit).refillIntervally(limit, window)).build());
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        ProblemDetail problem =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, "Too many " + what + ": at most " + limit + " per " + window.toMinutes() + " min.");
        ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        throw tooMany;
      }
    }

    long tracked() {
      buckets.cleanUp();
      return buckets.estimatedSize();
    }
  }
}
