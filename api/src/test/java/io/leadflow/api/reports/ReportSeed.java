package io.leadflow.api.reports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leads written straight into the lead store with known timings, under group names no other
 * test uses, and removed again afterwards.
 */
final class ReportSeed implements AutoCloseable {

  private final JdbcClient jdbc;
  private final List<UUID> leads = new ArrayList<>();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  ReportSeed(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A group name (source or rep) unique to this seed. */
  String name(String base) {
    return base + "-" + tag;
  }

  Lead lead(String source, String tier, Instant capturedAt) {
    return new Lead(source, tier, capturedAt);
  }

  @Override
  public void close() {
    for (UUID id : leads) {
      jdbc.sql("delete from touch where lead_id = ?").param(id).update();
      jdbc.sql("delete from lead_capture where lead_id = ?").param(id).update();
      jdbc.sql("delete from lead where id = ?").param(id).update();
    }
  }

  /** One lead; offsets are from its capture. */
  final class Lead {

    private final String source;
    private final String tier;
    private final Instant capturedAt;
    private String status = "IN_CADENCE";
    private String routedRep;
    private String assignedRep;
    private Duration acknowledgedAfter;
    private String acknowledgedBy;
    private Duration escalatedAfter;
    private Duration engagedAfter;
    private Duration meetingAfter;
    private final List<Object[]> touches = new ArrayList<>();
    private final List<Object[]> captures = new ArrayList<>();

    private Lead(String source, String tier, Instant capturedAt) {
      this.source = source;
      this.tier = tier;
      this.capturedAt = capturedAt;
    }

    Lead status(String status) {
      this.status = status;
      return this;
    }

    Lead routedTo(String rep) {
      this.routedRep = rep;
      this.assignedRep = rep;
      return this;
    }

    /** The SLA ran out: the lead went to {@code backup}. */
    Lead escalatedTo(String backup, Duration after) {
      this.assignedRep = backup;
      this.escalatedAfter = after;
      return this;
    }

    Lead acknowledgedBy(String rep, Duration after) {
      this.acknowledgedBy = rep;
      this.acknowledgedAfter = after;
      return this;
    }

    Lead engaged(Duration after) {
      this.engagedAfter = after;
      return this;
    }

    Lead meetingBooked(Duration after) {
      this.meetingAfter = after;
      return this;
    }

    Lead touch(String step, String channel, String outcome, Duration after) {
      touches.add(new Object[] {step, channel, outcome, after});
      return this;
    }

    /** A capture of the lead from {@code source}, with {@code campaign} as its UTM campaign (or none). */
    Lead capture(String source, String campaign, Duration after) {
      captures.add(new Object[] {source, campaign, after});
      return this;
    }

    UUID save() {
      UUID id = UUID.randomUUID();
      jdbc.sql(
              """
              insert into lead (id, name, email, source, interest, status, tier, score, assigned_rep, routed_rep,
                                acknowledged_at, acknowledged_by, escalated_at, reassigned_at, engaged_at,
                                meeting_booked_at, created_at, updated_at)
              values (?, 'Seeded Lead', ?, ?, 'demo request', ?, ?, 10, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              id, "seed+" + id + "@acme.test", source, status, tier, assignedRep, routedRep,
              at(acknowledgedAfter), acknowledgedBy, at(escalatedAfter), at(escalatedAfter), at(engagedAfter),
              at(meetingAfter), Timestamp.from(capturedAt), Timestamp.from(capturedAt))
          .update();
      leads.add(id);
      for (Object[] touch : touches) {
        jdbc.sql(
                """
                insert into touch (lead_id, business_key, step, channel, outcome, sent_at)
                values (?, ?, ?, ?, ?, ?)
                """)
            .params(id, id + ":" + touch[0] + ":" + touch[1], touch[0], touch[1], touch[2], at((Duration) touch[3]))
            .update();
      }
      for (Object[] capture : captures) {
        jdbc.sql(
                """
                insert into lead_capture (lead_id, source, interest, utm_campaign, joined, created_at)
                values (?, ?, 'demo request', ?, ?, ?)
                """)
            .params(id, capture[0], capture[1], capture != captures.get(0), at((Duration) capture[2]))
            .update();
      }
      return id;
    }

    private Timestamp at(Duration after) {
      return after == null ? null : Timestamp.from(capturedAt.plus(after));
    }
  }
}
