package io.leadflow.workflows;

/** One touch to log on the lead's CRM record; the activity reads it from the lead store by its business key. */
public record CrmTouchUpdate(String leadId, String step, Channel channel) {

  public String businessKey() {
    return BusinessKey.of(leadId, step, channel.name());
  }
}
