package io.leadflow.workflows;

/** Where a lead stands in its lifecycle, as stored, queried and shown in the Temporal UI. */
public enum LeadStatus {
  /** Stored by the API; its workflow has not picked it up yet. */
  NEW,
  /** The workflow owns the lead: enriching and scoring it. */
  CAPTURED,
  /** Assigned to a rep who has not acknowledged it yet (the SLA timer runs). */
  AWAITING_ACK,
  /** The follow-up cadence is running. */
  IN_CADENCE,
  /** The lead answered; the cadence stopped and the rep owns the conversation. */
  ENGAGED,
  /** Long-term nurture: silent after the cadence, or too cold for a rep. */
  NURTURE,
  MEETING_BOOKED,
  DISQUALIFIED,
  /** Asked to hear nothing more on any channel. */
  OPTED_OUT,
  /** The CRM took it over (it became an opportunity or a customer there). */
  CONVERTED;

  /** A closed lead is never touched again by this workflow run. */
  public boolean isClosed() {
    return this == MEETING_BOOKED || this == DISQUALIFIED || this == OPTED_OUT || this == CONVERTED;
  }
}
