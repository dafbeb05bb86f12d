package io.leadflow.activities.crm.salesforce;

import io.leadflow.activities.crm.CrmTouch;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A touch as a completed Task on the lead ({@code WhoId}): the subject (with the outcome when the
 * touch was not sent), the day, what was sent or why not, and the task subtype that gives the
 * activity timeline its icon (Call, Email; a text or a rep task is a plain Task).
 */
final class TaskFields {

  private TaskFields() {}

  /**
   * @param withSubtype Salesforce sets TaskSubtype only when it creates the Task: an upsert that
   *     updates one must leave it out
   */
  static Map<String, Object> of(String leadRecordId, CrmTouch touch, boolean withSubtype) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("WhoId", leadRecordId);
    fields.put("Subject", subject(touch));
    fields.put("Status", "Completed");
    if (touch.at() != null) {
      fields.put("ActivityDate", touch.at().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }
    if (touch.description() != null && !touch.description().isBlank()) {
      fields.put("Description", LeadFields.bounded(touch.description(), 32_000));
    }
    if (withSubtype) {
      fields.put("TaskSubtype", subtype(touch));
    }
    if (touch.ownerId() != null && !touch.ownerId().isBlank()) {
      fields.put("OwnerId", touch.ownerId());
    }
    return fields;
  }

  private static String subject(CrmTouch touch) {
    String subject = touch.subject() != null && !touch.subject().isBlank() ? touch.subject().strip() : label(touch);
    String outcome = touch.outcome();
    if (outcome != null && !outcome.equalsIgnoreCase("SENT")) {
      subject = subject + " (" + outcome.toLowerCase(Locale.ROOT) + ")";
    }
    return LeadFields.bounded(subject, 255);
  }

  private static String label(CrmTouch touch) {
    if (touch.channel() == null) {
      return "Touch";
    }
    return switch (touch.channel()) {
      case CALL -> "Call";
      case EMAIL -> "Email";
      case SMS -> "Text message";
      case TASK -> "Task";
    };
  }

  private static String subtype(CrmTouch touch) {
    if (touch.channel() == null) {
      return "Task";
    }
    return switch (touch.channel()) {
      case CALL -> "Call";
      case EMAIL -> "Email";
      case SMS, TASK -> "Task";
    };
  }
}
