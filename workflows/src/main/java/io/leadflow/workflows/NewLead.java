package io.leadflow.workflows;

import java.time.Instant;

/**
 * A captured lead as the workflow receives it. The lead store already holds it under {@code leadId}.
 * What the form said about the person and their company ({@code title}, {@code company},
 * {@code companySize}, {@code timeline}) is optional; {@code capturedAt} is when the lead was first
 * captured, the time scoring measures decay from (null when unknown). {@code missedCall}: the
 * capture was a call to one of the team's numbers that nobody answered (only Twilio's signed
 * voice webhook sets it); absent in histories from before it, which read it as false.
 */
public record NewLead(
    String leadId,
    String name,
    String email,
    String phone,
    String source,
    String interest,
    String title,
    String company,
    Integer companySize,
    String timeline,
    Instant capturedAt,
    boolean missedCall) {

  public NewLead(
      String leadId,
      String name,
      String email,
      String phone,
      String source,
      String interest,
      String title,
      String company,
      Integer companySize,
      String timeline,
      Instant capturedAt) {
    this(leadId, name, email, phone, source, interest, title, company, companySize, timeline, capturedAt, false);
  }

  /** A lead with contact details and interest only. */
  public NewLead(String leadId, String name, String email, String phone, String source, String interest) {
    this(leadId, name, email, phone, source, interest, null, null, null, null, null);
  }

  public NewLead withMissedCall(boolean missed) {
    return new NewLead(leadId, name, email, phone, source, interest, title, company, companySize, timeline, capturedAt, missed);
  }

  public boolean hasPhone() {
    return phone != null && !phone.isBlank();
  }
}
