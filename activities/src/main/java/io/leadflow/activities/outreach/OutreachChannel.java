package io.leadflow.activities.outreach;

import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.RepNotice;
import io.leadflow.workflows.TouchRequest;

/** Carries touches to a provider (answering the provider's message id) and notices to reps. */
public interface OutreachChannel {

  String providerName();

  String send(TouchRequest request, Lead lead);

  void notifyRep(RepNotice notice);
}
