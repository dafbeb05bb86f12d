package io.leadflow.api.capture;

import java.util.UUID;

/**
 * What the Temporal UI shows for a lead's workflow before anyone opens it: a static summary
 * ({@code web · demo request}) and details. Never personal data (name, email, phone, company):
 * workflow metadata is readable by every operator of the namespace and kept with the history for
 * the whole retention period, out of reach of a deletion request. The lead id leads to the person,
 * in the lead store, behind the API's access rules.
 */
final class WorkflowSummary {

  private static final int MAX_INTEREST = 60;

  private WorkflowSummary() {}

  static String summaryOf(String source, String interest) {
    return source + " · " + topicOf(interest);
  }

  static String detailsOf(UUID leadId, String source) {
    return "Lead " + leadId + " from " + source + ". Contact details and touches: GET /api/v1/leads/"
        + leadId + "; the lead's status, tier and rep are the search attributes below.";
  }

  /** The form's topic, unless it looks like a contact slipped in (an address or a number). */
  private static String topicOf(String given) {
    String interest = given == null ? "" : given.strip();
    if (interest.isEmpty() || interest.contains("@") || interest.chars().anyMatch(Character::isDigit)) {
      return "interest withheld";
    }
    return interest.length() <= MAX_INTEREST ? interest : interest.substring(0, MAX_INTEREST - 1) + "…";
  }
}
