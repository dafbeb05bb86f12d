package io.leadflow.activities.consent;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.workflows.Channel;
import org.springframework.stereotype.Component;

/**
 * The one answer to "may we contact this person on this channel": an address to use, no
 * suppression for them (global, whichever lead or run recorded it), and consent where the channel
 * needs it. The workflow asks it when it plans a round; the sender asks again right before it sends.
 */
@Component
public class ContactPermission {

  private final Suppressions suppressions;
  private final Consents consents;
  private final ConsentPolicy policy;

  ContactPermission(Suppressions suppressions, Consents consents, ConsentPolicy policy) {
    this.suppressions = suppressions;
    this.consents = consents;
    this.policy = policy;
  }

  public Permission check(Lead lead, Channel channel) {
    ContactKeys keys = ContactKeys.of(lead.email(), lead.phone());
    return switch (channel) {
      case CALL, SMS -> {
        if (lead.phone() == null) {
          yield Permission.refused("no phone");
        }
        if (lead.phoneInvalid()) {
          yield Permission.refused("phone is not a valid number");
        }
        if (suppressions.blocks(keys.phone(), channel)) {
          yield Permission.refused("suppressed: the person opted out of " + channel);
        }
        yield consent(lead, keys.phone(), channel);
      }
      case EMAIL -> {
        if (lead.email() == null) {
          yield Permission.refused("no email");
        }
        if (suppressions.blocks(keys.email(), channel)) {
          yield Permission.refused("suppressed: the address opted out, bounced or reported spam");
        }
        yield consent(lead, keys.email(), channel);
      }
      case TASK -> Permission.granted(null);
    };
  }

  private Permission consent(Lead lead, String contactKey, Channel channel) {
    if (!policy.requires(channel)) {
      return Permission.granted(null);
    }
    return consents.latest(contactKey, channel)
        .or(() -> consents.vouched(lead.id(), contactKey, channel, policy.vouchingSources()))
        .map(Permission::granted)
        .orElseGet(() -> Permission.refused("no prior express consent for " + channel + " on record"));
  }
}
