package io.leadflow.activities.outreach;

import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.TouchRequest;

/** Carries one touch to a provider and answers the provider's message id. */
public interface OutreachChannel {

  String providerName();

  String send(TouchRequest request, Lead lead);
}
