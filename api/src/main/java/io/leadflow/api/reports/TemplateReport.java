package io.leadflow.api.reports;

import java.time.Instant;
import java.util.List;

/**
 * Replies and meetings per message template version, over the leads captured in a period: two
 * wordings of a step (versions, variants, the sides of an A/B split) side by side.
 */
record TemplateReport(Instant from, Instant to, List<Row> templates) {

  /**
   * One template version on one channel: {@code touched} leads got at least one message of it;
   * {@code replied} of them replied (their first reply) at or after the first one they got, and
   * {@code meetingBooked} booked a meeting at or after it. A lead counts for every version it got.
   */
  record Row(
      String channel,
      String template,
      int version,
      long touched,
      long replied,
      long meetingBooked,
      Double repliedPercent,
      Double meetingBookedPercent) {

    static Row of(String channel, String template, int version, long touched, long replied, long meetingBooked) {
      return new Row(
          channel, template, version, touched, replied, meetingBooked, Percent.of(replied, touched), Percent.of(meetingBooked, touched));
    }
  }
}
