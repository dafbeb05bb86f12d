package io.leadflow.workflows;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Sends touches and rep notices. Idempotent per business key: a retry never sends twice. */
@ActivityInterface
public interface OutreachActivities {

  Touch sendTouch(TouchRequest request);

  /**
   * The channels the lead cannot be contacted on as things stand: suppressed (by any run of any
   * lead of the person), no consent where the channel needs it, no usable address.
   */
  List<BlockedChannel> blockedChannels(String leadId);

  void notifyRep(RepNotice notice);
}
