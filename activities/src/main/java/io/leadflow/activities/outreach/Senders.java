package io.leadflow.activities.outreach;

import io.leadflow.workflows.Channel;
import java.util.List;
import org.springframework.stereotype.Component;

/** Picks the sender for a channel: a configured provider's (Twilio, SendGrid), else dry-run. */
@Component
class Senders {

  private final List<Sender> providers;
  private final DryRunSender dryRun;

  Senders(List<Sender> all, DryRunSender dryRun) {
    this.providers = all.stream().filter(s -> s != dryRun).toList();
    this.dryRun = dryRun;
  }

  Sender forChannel(Channel channel) {
    return providers.stream().filter(s -> s.handles(channel)).findFirst().orElse(dryRun);
  }
}
