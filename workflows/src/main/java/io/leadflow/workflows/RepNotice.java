package io.leadflow.workflows;

/** Something a rep must know now: a new lead, an escalation, a reply. */
public record RepNotice(String leadId, String repId, String kind, String message) {

  /** One notice per lead, rep and occasion, so a retried activity never notifies twice. */
  public String businessKey() {
    return leadId + ":" + repId + ":" + kind;
  }
}
