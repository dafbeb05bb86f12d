package io.leadflow.activities.outreach;

import io.leadflow.activities.enrichment.PhoneLocation;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.TouchRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * State telemarketing caps on calls per lead per 24 hours ({@code leadflow.compliance.daily-call-caps},
 * default FL and OK: 3), by the state of the lead's phone number.
 */
@Component
@EnableConfigurationProperties(CallCaps.Limits.class)
class CallCaps {

  @ConfigurationProperties("leadflow.compliance")
  record Limits(Map<String, Integer> dailyCallCaps) {

    Limits {
      dailyCallCaps = dailyCallCaps == null ? Map.of("US-FL", 3, "US-OK", 3) : Map.copyOf(dailyCallCaps);
    }
  }

  private final Limits limits;
  private final TouchRepository touches;

  CallCaps(Limits limits, TouchRepository touches) {
    this.limits = limits;
    this.touches = touches;
  }

  /** Why another call now would break a cap, or empty when it may be placed. */
  Optional<String> exceeded(Lead lead, Instant now) {
    Optional<String> region =
        PhoneLocation.of(lead.phone(), "US").filter(l -> l.region() != null).map(l -> l.country() + "-" + l.region());
    Integer cap = region.map(limits.dailyCallCaps()::get).orElse(null);
    if (cap == null || touches.countCallsSince(lead.id(), now.minus(Duration.ofHours(24))) < cap) {
      return Optional.empty();
    }
    return Optional.of("call cap of " + cap + " per 24 h in " + region.get() + " reached");
  }
}
