package io.leadflow.api.reports;

import java.time.Instant;
import java.util.List;

/**
 * Where the leads captured in a period got to: captured → contacted (a touch went out) → engaged
 * (replied) → meeting booked, with the exits (disqualified, nurture, opted out) as they stand now;
 * overall, by source and by UTM campaign of the capture {@code attribution} credits (the lead's
 * first, or its last before the meeting: {@link Attribution}); in {@code byCampaign} the group is
 * null for leads whose credited capture had no campaign. {@code bySteps} says which cadence step
 * the replies came after.
 */
record FunnelReport(
    Instant from,
    Instant to,
    Attribution attribution,
    Row overall,
    List<Row> bySource,
    List<Row> byCampaign,
    List<Step> bySteps) {

  /** Stage counts are "ever reached"; the exits are the leads' status now. */
  record Row(
      String group,
      long captured,
      long contacted,
      long engaged,
      long meetingBooked,
      long disqualified,
      long nurture,
      long optedOut,
      Double contactedPercent,
      Double engagedPercent,
      Double meetingBookedPercent) {

    static Row of(
        String group, long captured, long contacted, long engaged, long meetingBooked, long disqualified, long nurture, long optedOut) {
      return new Row(
          group, captured, contacted, engaged, meetingBooked, disqualified, nurture, optedOut,
          Percent.of(contacted, captured), Percent.of(engaged, captured), Percent.of(meetingBooked, captured));
    }
  }

  /**
   * A cadence step ({@code instant}, {@code d1}, {@code d3}, …, {@code nurture}): how many leads
   * it reached, and how many replied with it as the last touch before their reply.
   */
  record Step(String step, long touched, long replies, Double replyPercent) {}
}
