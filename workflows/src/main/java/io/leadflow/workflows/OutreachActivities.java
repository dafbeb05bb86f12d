package io.leadflow.workflows;

import io.temporal.activity.ActivityInterface;

/** Sends touches and rep notices. Idempotent per business key: a retry never sends twice. */
@ActivityInterface
public interface OutreachActivities {

  Touch sendTouch(TouchRequest request);

  void notifyRep(RepNotice notice);
}
