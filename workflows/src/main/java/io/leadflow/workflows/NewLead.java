package io.leadflow.workflows;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A captured lead as the workflow receives it. The lead store already holds it under {@code leadId}.
 * What the form said about the person and their company ({@code title}, {@code company},
 * {@code companySize}, {@code timeline}) is optional; {@code capturedAt} is when the lead was first
 * captured, the time scoring measures decay from (null when unknown). {@code country} and
 * {@code website} as the form stated them; {@code attributes}: the custom fields its captures
 * brought (name to value, at most 20), which scoring rules may read. Histories recorded before
 * these three existed read them as null. {@code missedCall}: the capture was a call to one of
 * the team's numbers that nobody answered (only Twilio's signed voice webhook sets it); absent in
 * histories from before it, which read it as false.
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
    String country,
    String website,
    Map<String, String> attributes,
    boolean missedCall) {

  /** Attributes sorted by name: the same lead always serializes the same way. */
  public NewLead {
    attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  /** A lead as a form or feed brought it (not a missed call). */
  public NewLead(
      String leadId, String name, String email, String phone, String source, String interest,
      String title, String company, Integer companySize, String timeline, Instant capturedAt,
      String country, String website, Map<String, String> attributes) {
    this(leadId, name, email, phone, source, interest, title, company, companySize, timeline, capturedAt,
        country, website, attributes, false);
  }

  /** A lead with what a form said about the person and their company, without country, website or attributes. */
  public NewLead(
      String leadId, String name, String email, String phone, String source, String interest,
      String title, String company, Integer companySize, String timeline, Instant capturedAt) {
    this(leadId, name, email, phone, source, interest, title, company, companySize, timeline, capturedAt, null, null, null);
  }

  /** A lead with contact details and interest only. */
  public NewLead(String leadId, String name, String email, String phone, String source, String interest) {
    this(leadId, name, email, phone, source, interest, null, null, null, null, null, null, null, null);
  }

  public NewLead withMissedCall(boolean missed) {
    return new NewLead(
        leadId, name, email, phone, source, interest, title, company, companySize, timeline, capturedAt,
        country, website, attributes, missed);
  }

  public boolean hasPhone() {
    return phone != null && !phone.isBlank();
  }
}
