package io.leadflow.activities.store;

import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.NewLead;
import io.leadflow.workflows.Tier;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A lead as stored: what people query and report on. Temporal holds the process, this the record. */
@Table("lead")
public record Lead(
    @Id UUID id,
    String name,
    String email,
    String phone,
    String emailKey,
    String phoneKey,
    String source,
    String interest,
    LeadStatus status,
    Integer score,
    Tier tier,
    List<String> scoreBreakdown,
    String assignedRep,
    boolean phoneInvalid,
    Instant createdAt,
    Instant updatedAt) {

  public static Lead received(
      String name,
      String email,
      String phone,
      String source,
      String interest,
      ContactKeys keys,
      Instant now) {
    return new Lead(
        null, name, email, phone, keys.email(), keys.phone(), source, interest, LeadStatus.NEW,
        null, null, List.of(), null, false, now, now);
  }

  public NewLead toNewLead() {
    return new NewLead(id.toString(), name, email, phone, source, interest);
  }
}
