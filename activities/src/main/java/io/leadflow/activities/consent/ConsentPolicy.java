package io.leadflow.activities.consent;

import io.leadflow.workflows.Channel;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which channels need the person's prior express consent ({@code leadflow.consent.required-channels},
 * calls and texts by default, as the TCPA asks of automated ones; email follows CAN-SPAM and needs
 * none) and which capture sources vouch for the consent of the people they send
 * ({@code leadflow.consent.vouching-sources}, none by default).
 */
@Component
public class ConsentPolicy {

  private final Set<Channel> required;
  private final Set<String> vouchingSources;

  ConsentPolicy(
      @Value("${leadflow.consent.required-channels:CALL,SMS}") Set<Channel> required,
      @Value("${leadflow.consent.vouching-sources:}") Set<String> vouchingSources) {
    this.required = Set.copyOf(required);
    this.vouchingSources = Set.copyOf(vouchingSources);
  }

  public boolean requires(Channel channel) {
    return required.contains(channel);
  }

  Set<String> vouchingSources() {
    return vouchingSources;
  }
}
