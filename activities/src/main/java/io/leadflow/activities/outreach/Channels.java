package io.leadflow.activities.outreach;

import io.leadflow.workflows.Channel;
import java.util.List;
import org.springframework.stereotype.Component;

/** Picks the provider for a channel: a configured real one (Twilio, SendGrid), else dry-run. */
@Component
class Channels {

  private final List<OutreachChannel> providers;
  private final DryRunChannel dryRun;

  Channels(List<OutreachChannel> all, DryRunChannel dryRun) {
    this.providers = all.stream().filter(c -> c != dryRun).toList();
    this.dryRun = dryRun;
  }

  OutreachChannel forChannel(Channel channel) {
    return providers.stream().filter(p -> p.handles(channel)).findFirst().orElse(dryRun);
  }
}
