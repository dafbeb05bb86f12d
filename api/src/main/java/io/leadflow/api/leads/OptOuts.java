package io.leadflow.api.leads;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.workflows.Channel;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An opt-out logged through the API, kept for the person rather than for one run of their lead:
 * their email and phone go on the suppression list every send checks (per channel, or every
 * channel), whatever state the lead is in, before the API answers.
 */
@Component
class OptOuts {

  private final Suppressions suppressions;
  private final LeadRepository leads;

  OptOuts(Suppressions suppressions, LeadRepository leads) {
    this.suppressions = suppressions;
    this.leads = leads;
  }

  /** {@code channel} null: every channel. */
  @Transactional
  void record(Lead lead, Channel channel, String by) {
    ContactKeys keys = ContactKeys.of(lead.email(), lead.phone());
    String reason = "opted out through the API (" + by + ")";
    for (String key : keysFor(keys, channel)) {
      suppressions.suppress(key, channel == null ? Suppressions.ALL : channel.name(), reason, "api");
    }
    if (channel == null) {
      leads.markStopped(lead.id());
    }
  }

  private static List<String> keysFor(ContactKeys keys, Channel channel) {
    if (channel == Channel.EMAIL) {
      return keys.email() == null ? List.of() : List.of(keys.email());
    }
    if (channel != null) {
      return keys.phone() == null ? List.of() : List.of(keys.phone());
    }
    return Stream.of(keys.email(), keys.phone()).filter(Objects::nonNull).toList();
  }
}
