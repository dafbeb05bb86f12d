package io.leadflow.workflows;

import java.util.List;

/** Everything an operator needs to know about a running lead; what the state query returns. */
public record LeadState(String leadId, LeadStatus status, List<Touch> touches) {

  public LeadState {
    touches = List.copyOf(touches);
  }

  public static LeadState received(String leadId) {
    return new LeadState(leadId, LeadStatus.NEW, List.of());
  }

  public LeadState withStatus(LeadStatus newStatus) {
    return new LeadState(leadId, newStatus, touches);
  }

  public LeadState withTouch(Touch touch) {
    var all = new java.util.ArrayList<>(touches);
    all.add(touch);
    return new LeadState(leadId, status, all);
  }
}
