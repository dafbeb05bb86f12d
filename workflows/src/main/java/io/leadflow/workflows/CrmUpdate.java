package io.leadflow.workflows;

/** One change waiting to reach the CRM: the lead's record ({@code lead}) or a touch to log ({@code touch}). */
public record CrmUpdate(CrmLeadUpdate lead, CrmTouchUpdate touch) {

  static CrmUpdate of(CrmLeadUpdate lead) {
    return new CrmUpdate(lead, null);
  }

  static CrmUpdate of(CrmTouchUpdate touch) {
    return new CrmUpdate(null, touch);
  }

  /** What an operator reads in the UI: "CRM · lead IN_CADENCE", "CRM · SMS r1-d1". */
  String summary() {
    return lead != null ? "CRM · lead " + lead.status() : "CRM · " + touch.channel() + " " + touch.step();
  }
}
