package io.leadflow.workflows;

/** Something a rep must know now: a new lead, an escalation, a reply. */
public record RepNotice(String leadId, String repId, String kind, String message) {

  /** The store's {@code rep_notice.kind} length; a kind carries outside data ("reply-" + a message id). */
  public static final int KIND_LENGTH = 120;

  public RepNotice {
    kind = BusinessKey.bounded(kind, KIND_LENGTH);
  }

  /** One notice per lead, rep and occasion, so a retried activity never notifies twice. */
  public String businessKey() {
    return BusinessKey.of(leadId, repId, kind);
  }
}
