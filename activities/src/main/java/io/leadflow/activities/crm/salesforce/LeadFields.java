package io.leadflow.activities.crm.salesforce;

import io.leadflow.activities.crm.CrmLead;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lead fields LeadFlow writes. A value LeadFlow does not know is left out, so what a rep
 * typed in Salesforce stays, except the two fields Salesforce requires to create a Lead: LastName
 * and Company then read {@value #NOT_PROVIDED}. Description is the rep's and never written.
 */
final class LeadFields {

  static final String NOT_PROVIDED = "[not provided]";

  private LeadFields() {}

  static Map<String, Object> of(CrmLead lead, SalesforceProperties properties) {
    Map<String, Object> fields = new LinkedHashMap<>();
    put(fields, "FirstName", bounded(lead.firstName(), 40));
    fields.put("LastName", orNotProvided(bounded(lead.lastName(), 80)));
    fields.put("Company", orNotProvided(bounded(lead.company(), 255)));
    put(fields, "Email", lead.email());
    put(fields, "Phone", lead.phone());
    put(fields, "Title", bounded(lead.title(), 128));
    put(fields, "LeadSource", bounded(lead.source(), 40));
    if (lead.status() != null) {
      put(fields, "Status", properties.statuses().get(lead.status()));
    }
    if (lead.tier() != null) {
      fields.put("Rating", switch (lead.tier()) {
        case HOT -> "Hot";
        case WARM -> "Warm";
        case COLD -> "Cold";
      });
    }
    if (properties.scoreField() != null && lead.score() != null) {
      fields.put(properties.scoreField(), lead.score());
    }
    if (properties.interestField() != null) {
      put(fields, properties.interestField(), bounded(lead.interest(), 255));
    }
    put(fields, "OwnerId", lead.ownerId());
    return fields;
  }

  private static void put(Map<String, Object> fields, String name, String value) {
    if (value != null && !value.isBlank()) {
      fields.put(name, value);
    }
  }

  private static String orNotProvided(String value) {
    return value == null || value.isBlank() ? NOT_PROVIDED : value;
  }

  /** Salesforce refuses a text longer than its field (STRING_TOO_LONG) rather than cutting it. */
  static String bounded(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}
