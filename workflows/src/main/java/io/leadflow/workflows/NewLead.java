package io.leadflow.workflows;

/** A captured lead as the workflow receives it. The lead store already holds it under {@code leadId}. */
public record NewLead(
    String leadId, String name, String email, String phone, String source, String interest) {

  public boolean hasPhone() {
    return phone != null && !phone.isBlank();
  }
}
