package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.activities.store.ContactKeys;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

/** The capture limits hold, and a stream of new keys, phone numbers and addresses cannot grow their memory. */
class CaptureLimitsTest {

  @Test
  void thePhoneLimitRefusesTheSixthCaptureWithRetryAfter() {
    CaptureLimits limits = new CaptureLimits(600, 5, 100, 1_000);
    for (int i = 0; i < 5; i++) {
      limits.check(1, "+16465550100", null);
    }

    assertThatThrownBy(() -> limits.check(1, "+16465550100", null))
        .isInstanceOfSatisfying(ErrorResponseException.class, tooMany -> {
          assertThat(tooMany.getStatusCode().value()).isEqualTo(429);
          assertThat(Long.parseLong(tooMany.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 3600L);
        });
    limits.check(1, "+16465550101", null);
  }

  @Test
  void theEmailLimitLetsFiftyIdenticalCapturesThroughAndRefusesPastItsCountWhateverTheCase() {
    CaptureLimits limits = new CaptureLimits(600, 5, 100, 1_000);
    for (int i = 0; i < 100; i++) {
      limits.check(1, null, ContactKeys.of(i % 2 == 0 ? "sarah@acme.test" : "Sarah@ACME.test", null).email());
    }

    assertThatThrownBy(() -> limits.check(1, null, ContactKeys.of("SARAH@acme.test", null).email()))
        .isInstanceOfSatisfying(ErrorResponseException.class, tooMany -> {
          assertThat(tooMany.getStatusCode().value()).isEqualTo(429);
          assertThat(tooMany.getBody().getDetail()).contains("email address").contains("100 per 60 min");
          assertThat(Long.parseLong(tooMany.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 3600L);
        });
    limits.check(1, null, ContactKeys.of("someone.else@acme.test", null).email());
  }

  @Test
  void thePerKeyLimitRefusesPastItsCount() {
    CaptureLimits limits = new CaptureLimits(3, 5, 100, 1_000);
    for (int i = 0; i < 3; i++) {
      limits.check(7, null, null);
    }

    assertThatThrownBy(() -> limits.check(7, null, null)).isInstanceOf(ErrorResponseException.class);
    limits.check(8, null, null);
  }

  @Test
  void aWebFormCannotWalkAroundThePhoneAndEmailLimitsOfApiKeysAndHasABudgetOfItsOwn() {
    CaptureLimits limits = new CaptureLimits(3, 5, 100, 1_000);
    for (int i = 0; i < 5; i++) {
      limits.check(10 + i, "+16465550100", null);
    }

    assertThatThrownBy(() -> limits.checkForm(1, "+16465550100", null)).isInstanceOf(ErrorResponseException.class);
    for (int i = 0; i < 3; i++) {
      limits.checkForm(2, null, null); // form source 2's budget is not API key 2's
      limits.check(2, null, null);
    }
    assertThatThrownBy(() -> limits.checkForm(2, null, null)).isInstanceOf(ErrorResponseException.class);
  }

  @Test
  void fiftyThousandDistinctPhonesAddressesAndKeysKeepAtMostTheTrackedBound() {
    CaptureLimits limits = new CaptureLimits(600, 5, 100, 1_000);

    for (int i = 0; i < 50_000; i++) {
      limits.check(i, "+1646" + String.format("%07d", i), ContactKeys.of("bot" + i + "@spam.test", null).email());
    }

    assertThat(limits.tracked()).isLessThanOrEqualTo(3 * 1_000);
  }
}
