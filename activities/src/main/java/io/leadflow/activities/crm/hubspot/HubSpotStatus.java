package io.leadflow.activities.crm.hubspot;

import io.leadflow.workflows.LeadStatus;

/**
 * What a LeadFlow status means in HubSpot's default contact properties: {@code hs_lead_status} (the
 * sales status, which may move any way) and the {@code lifecyclestage} it reaches at least, or
 * null for either when LeadFlow leaves it alone. A converted lead belongs to the CRM: nothing is sent.
 */
record HubSpotStatus(String leadStatus, String lifecycleStage) {

  static final String LEAD = "lead";
  static final String SALES_QUALIFIED_LEAD = "salesqualifiedlead";

  static HubSpotStatus of(LeadStatus status) {
    return switch (status) {
      case NEW, CAPTURED, AWAITING_ACK -> new HubSpotStatus("NEW", LEAD);
      case IN_CADENCE -> new HubSpotStatus("ATTEMPTED_TO_CONTACT", LEAD);
      case ENGAGED -> new HubSpotStatus("CONNECTED", LEAD);
      case MEETING_BOOKED -> new HubSpotStatus("IN_PROGRESS", SALES_QUALIFIED_LEAD);
      case NURTURE -> new HubSpotStatus("BAD_TIMING", LEAD);
      case DISQUALIFIED, OPTED_OUT -> new HubSpotStatus("UNQUALIFIED", null);
      case CONVERTED -> new HubSpotStatus(null, null);
    };
  }
}
