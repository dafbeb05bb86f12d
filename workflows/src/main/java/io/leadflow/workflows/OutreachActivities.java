package io.leadflow.workflows;

import io.temporal.activity.ActivityInterface;

/** Sends touches. Idempotent per {@link TouchRequest#businessKey()}: a retry never sends twice. */
@ActivityInterface
public interface OutreachActivities {

  Touch sendTouch(TouchRequest request);
}
