package io.leadflow.activities.crm.hubspot;

import io.leadflow.activities.crm.CrmTouch;
import io.leadflow.workflows.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The HubSpot engagement object a touch is logged as, and its HUBSPOT_DEFINED association type to
 * a contact: calls (194), emails (198), communications for texts (81), and notes (202) for a rep's
 * task, which LeadFlow never sends itself and so is no call, email or message.
 */
enum Engagement {
  CALL("calls", 194) {
    @Override
    void describe(CrmTouch touch, Map<String, Object> properties) {
      properties.put("hs_call_title", touch.subject() == null ? "LeadFlow call" : touch.subject());
      properties.put("hs_call_body", body(touch, false));
      properties.put("hs_call_direction", "OUTBOUND");
      properties.put("hs_call_status", switch (outcome(touch)) {
        case "SENT" -> "COMPLETED";
        case "SKIPPED" -> "CANCELED";
        default -> "FAILED";
      });
    }
  },
  EMAIL("emails", 198) {
    @Override
    void describe(CrmTouch touch, Map<String, Object> properties) {
      properties.put("hs_email_subject", touch.subject() == null ? "LeadFlow email" : touch.subject());
      properties.put("hs_email_text", body(touch, false));
      properties.put("hs_email_direction", "EMAIL");
      properties.put("hs_email_status", "SENT".equals(outcome(touch)) ? "SENT" : "FAILED");
    }
  },
  SMS("communications", 81) {
    @Override
    void describe(CrmTouch touch, Map<String, Object> properties) {
      properties.put("hs_communication_channel_type", "SMS");
      properties.put("hs_communication_logged_from", "CRM");
      properties.put("hs_communication_body", body(touch, true));
    }
  },
  NOTE("notes", 202) {
    @Override
    void describe(CrmTouch touch, Map<String, Object> properties) {
      properties.put("hs_note_body", body(touch, true));
    }
  };

  /** The custom property every engagement LeadFlow logs carries: the touch's business key. */
  static final String TOUCH_KEY = "leadflow_touch_key";

  private final String objectType;
  private final int contactAssociation;

  Engagement(String objectType, int contactAssociation) {
    this.objectType = objectType;
    this.contactAssociation = contactAssociation;
  }

  static Engagement of(Channel channel) {
    return switch (channel) {
      case CALL -> CALL;
      case EMAIL -> EMAIL;
      case SMS -> SMS;
      case TASK -> NOTE;
    };
  }

  String path() {
    return "/crm/v3/objects/" + objectType;
  }

  /** The create request: the touch's properties and its association with the contact, in one call. */
  Map<String, Object> createRequest(String contactId, CrmTouch touch) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("hs_timestamp", touch.at().toString());
    properties.put(TOUCH_KEY, touch.key());
    if (touch.ownerId() != null) {
      properties.put("hubspot_owner_id", touch.ownerId());
    }
    describe(touch, properties);
    Map<String, Object> association =
        Map.of(
            "to", Map.of("id", contactId),
            "types",
            List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", contactAssociation)));
    return Map.of("properties", properties, "associations", List.of(association));
  }

  /** The search for an engagement of this type already logged with the touch's key. */
  Map<String, Object> searchRequest(String touchKey) {
    Map<String, Object> filter = Map.of("propertyName", TOUCH_KEY, "operator", "EQ", "value", touchKey);
    return Map.of(
        "filterGroups", List.of(Map.of("filters", List.of(filter))),
        "properties", List.of(TOUCH_KEY),
        "limit", 1);
  }

  abstract void describe(CrmTouch touch, Map<String, Object> properties);

  /** What the timeline shows: the subject (where the object has no title of its own), what was sent or why not, the outcome. */
  private static String body(CrmTouch touch, boolean withSubject) {
    StringJoiner text = new StringJoiner("\n\n");
    if (withSubject && touch.subject() != null && !touch.subject().isBlank()) {
      text.add(touch.subject());
    }
    if (touch.description() != null && !touch.description().isBlank()) {
      text.add(touch.description());
    }
    text.add("LeadFlow " + touch.channel().name().toLowerCase(Locale.ROOT) + " touch: " + outcome(touch));
    return text.toString();
  }

  private static String outcome(CrmTouch touch) {
    return touch.outcome() == null ? "UNKNOWN" : touch.outcome();
  }
}
