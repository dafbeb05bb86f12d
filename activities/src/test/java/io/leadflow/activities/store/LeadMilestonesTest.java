package io.leadflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.StoredLeads;
import io.leadflow.workflows.LeadProgress;
import io.leadflow.workflows.LeadScore;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.Tier;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The report milestones the lead store derives from the workflow's progress, path by path. */
@SpringBootTest
class LeadMilestonesTest {

  private static final LeadScore HOT = new LeadScore(45, Tier.HOT, List.of("+30 demo request"));

  @Autowired LeadStoreActivitiesImpl store;
  @Autowired LeadRepository leads;
  @Autowired JdbcClient jdbc;

  @Test
  void anAcknowledgedLeadKeepsItsFirstRepAndTheWorkflowsAckTime() {
    String id = capturedAndRoutedTo("ana");
    Instant ackAt = Instant.parse("2026-03-02T15:02:00.123456Z");

    record(id, LeadStatus.IN_CADENCE, "ana", ackAt);

    Map<String, Object> lead = milestones(id);
    assertThat(lead.get("routed_rep")).isEqualTo("ana");
    assertThat(instant(lead, "acknowledged_at")).isEqualTo(ackAt);
    assertThat(lead.get("acknowledged_by")).isEqualTo("ana");
    assertThat(lead.get("escalated_at")).isNull();
    assertThat(lead.get("reassigned_at")).isNull();
  }

  @Test
  void aMissedSlaIsAnEscalationAndAChangeOfOwnerAndTheBackupsAckIsKept() {
    String id = capturedAndRoutedTo("ana");

    record(id, LeadStatus.AWAITING_ACK, "ben", null);
    Instant ackAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    record(id, LeadStatus.IN_CADENCE, "ben", ackAt);

    Map<String, Object> lead = milestones(id);
    assertThat(lead.get("routed_rep")).isEqualTo("ana");
    assertThat(lead.get("escalated_at")).isNotNull();
    assertThat(lead.get("reassigned_at")).isNotNull();
    assertThat(lead.get("acknowledged_by")).isEqualTo("ben");
    assertThat(instant(lead, "acknowledged_at")).isEqualTo(ackAt);
  }

  @Test
  void aTierUpgradeInTheCadenceIsAChangeOfOwnerButNoEscalation() {
    String id = capturedAndRoutedTo("ana");
    record(id, LeadStatus.IN_CADENCE, "ana", Instant.now());

    record(id, LeadStatus.IN_CADENCE, "ben", Instant.now());

    Map<String, Object> lead = milestones(id);
    assertThat(lead.get("reassigned_at")).isNotNull();
    assertThat(lead.get("escalated_at")).isNull();
    assertThat(lead.get("acknowledged_by")).isEqualTo("ana");
  }

  @Test
  void everyMilestoneIsSetOnceSoARetriedActivityChangesNothing() {
    String id = capturedAndRoutedTo("ana");
    Instant firstAck = Instant.parse("2026-03-02T15:02:00Z");
    record(id, LeadStatus.AWAITING_ACK, "ben", null);
    record(id, LeadStatus.IN_CADENCE, "ben", firstAck);
    record(id, LeadStatus.ENGAGED, "ben", firstAck);
    Map<String, Object> before = milestones(id);

    record(id, LeadStatus.ENGAGED, "ben", firstAck);
    record(id, LeadStatus.AWAITING_ACK, "mia", Instant.parse("2026-04-01T10:00:00Z"));
    record(id, LeadStatus.AWAITING_ACK, "ana", null);

    Map<String, Object> after = milestones(id);
    assertThat(before.get("engaged_at")).isNotNull();
    assertThat(after)
        .containsEntry("routed_rep", "ana")
        .containsEntry("acknowledged_by", "ben")
        .containsEntry("acknowledged_at", before.get("acknowledged_at"))
        .containsEntry("escalated_at", before.get("escalated_at"))
        .containsEntry("reassigned_at", before.get("reassigned_at"))
        .containsEntry("engaged_at", before.get("engaged_at"));
  }

  @Test
  void aRepliedLeadAndABookedMeetingAreDatedWhenTheyHappen() {
    String id = capturedAndRoutedTo("ana");
    assertThat(milestones(id).get("engaged_at")).isNull();

    record(id, LeadStatus.ENGAGED, null, null);
    record(id, LeadStatus.MEETING_BOOKED, null, null);

    Map<String, Object> lead = milestones(id);
    assertThat(lead.get("engaged_at")).isNotNull();
    assertThat(lead.get("meeting_booked_at")).isNotNull();
    assertThat(lead.get("acknowledged_at")).isNull();
  }

  @Test
  void aColdLeadRoutedOnlyLaterFromNurtureIsRoutedNotEscalated() {
    String id = StoredLeads.save(leads, false).id().toString();
    record(id, LeadStatus.CAPTURED, null, null);
    record(id, LeadStatus.NURTURE, null, null);

    record(id, LeadStatus.AWAITING_ACK, "ana", null);

    Map<String, Object> lead = milestones(id);
    assertThat(lead.get("routed_rep")).isEqualTo("ana");
    assertThat(lead.get("escalated_at")).isNull();
    assertThat(lead.get("reassigned_at")).isNull();
  }

  private String capturedAndRoutedTo(String rep) {
    String id = StoredLeads.save(leads, false).id().toString();
    store.recordProgress(new LeadProgress(id, LeadStatus.CAPTURED, HOT, null));
    store.recordProgress(new LeadProgress(id, LeadStatus.AWAITING_ACK, HOT, rep));
    return id;
  }

  private void record(String id, LeadStatus status, String rep, Instant acknowledgedAt) {
    store.recordProgress(new LeadProgress(id, status, null, rep, acknowledgedAt));
  }

  private Map<String, Object> milestones(String id) {
    return jdbc.sql(
            """
            select routed_rep, acknowledged_at, acknowledged_by, escalated_at, reassigned_at,
                   engaged_at, meeting_booked_at
            from lead where id = ?
            """)
        .param(UUID.fromString(id))
        .query()
        .singleRow();
  }

  private static Instant instant(Map<String, Object> row, String column) {
    return ((Timestamp) row.get(column)).toInstant();
  }
}
