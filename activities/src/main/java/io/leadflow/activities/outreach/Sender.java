package io.leadflow.activities.outreach;

import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.TouchRequest;

/** How a provider carries touches of some channels; answers the provider's message id. */
public interface Sender {

  boolean handles(Channel channel);

  String providerName();

  /** The connections this provider's sends share; a send holds one from SENDING to its answer. */
  default SendSlots slots() {
    return SendSlots.UNBOUNDED;
  }

  /** @throws ProviderException when the provider refuses, classified for retry and lead data */
  String send(TouchRequest request, Lead lead, Message message);
}
