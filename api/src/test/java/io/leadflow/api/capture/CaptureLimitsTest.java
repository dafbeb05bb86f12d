package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

/** The capture limits hold, and a stream of new keys and phone numbers cannot grow their memory. */
class CaptureLimitsTest {

  @Test
  void thePhoneLimitRefusesTheSixthCaptureWithRetryAfter() {
    CaptureLimits limits = new CaptureLimits(600, 5, 1_000);
    for (int i = 0; i < 5; i++) {
      limits.check(1, "+16465550100");
    }

    assertThatThrownBy(() -> limits.check(1, "+16465550100"))
        .isInstanceOfSatisfying(ErrorResponseException.class, tooMany -> {
          assertThat(tooMany.getStatusCode().value()).isEqualTo(429);
          assertThat(Long.parseLong(tooMany.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 3600L);
        });
    limits.check(1, "+16465550101");
  }

  @Test
  void thePerKeyLimitRefusesPastItsCount() {
    CaptureLimits limits = new CaptureLimits(3, 5, 1_000);
    for (int i = 0; i < 3; i++) {
      limits.check(7, null);
    }

    assertThatThrownBy(() -> limits.check(7, null)).isInstanceOf(ErrorResponseException.class);
    limits.check(8, null);
  }

  @Test
  void fiftyThousandDistinctPhonesAndKeysKeepAtMostTheTrackedBound() {
    CaptureLimits limits = new CaptureLimits(600, 5, 1_000);

    for (int i = 0; i < 50_000; i++) {
      limits.check(i, "+1646" + String.format("%07d", i));
    }

    assertThat(limits.tracked()).isLessThanOrEqualTo(2 * 1_000);
  }
}
