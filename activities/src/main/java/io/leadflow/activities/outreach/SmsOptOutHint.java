package io.leadflow.activities.outreach;

import io.leadflow.activities.messages.OptOutHintText;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.TouchRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The opt-out hint ({@code leadflow.compliance.sms-opt-out-hint}, default "Reply STOP to opt out.")
 * in the first text LeadFlow sends to a number through a provider, whatever the template says;
 * a text that already mentions STOP (any case) keeps its own wording. Every lead of a number
 * counts (one lead per phone). Two first texts sent at the same moment may both carry it.
 */
@Component
public class SmsOptOutHint {

  private final String hint;
  private final TouchRepository touches;

  public SmsOptOutHint(
      @Value("${leadflow.compliance.sms-opt-out-hint:Reply STOP to opt out.}") String hint, TouchRepository touches) {
    if (hint == null || hint.isBlank()) {
      throw new IllegalStateException(
          "leadflow.compliance.sms-opt-out-hint is blank: the first text to a number must say how to opt out");
    }
    this.hint = hint.strip();
    this.touches = touches;
  }

  /** The message with the hint appended when this is the first text to the lead's number through {@code provider}. */
  public Message addTo(Message message, Lead lead, String provider) {
    String text = message.text() == null ? "" : message.text();
    if (!OptOutHintText.lacksHint(text, hint)) {
      return message;
    }
    if (touches.textedBefore(ContactKeys.of(null, lead.phone()).phone(), provider)) {
      return message;
    }
    return new Message(message.subject(), OptOutHintText.withHint(text, hint), message.html());
  }
}
