package io.leadflow.activities.store;

import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.NewLead;
import io.leadflow.workflows.Tier;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A lead as stored: what people query and report on. Temporal holds the process, this the record.
 * {@code scoredAt} is the moment the score is for (null before the first score).
 */
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
    Instant updatedAt,
    String title,
    String company,
    Integer companySize,
    String timeline,
    Instant scoredAt) {

  /** What a form may add about the person and their company; every field optional. */
  public record Profile(String title, String company, Integer companySize, String timeline) {

    public static final Profile NONE = new Profile(null, null, null, null);
  }

  public static Lead received(
      String name,
      String email,
      String phone,
      String source,
      String interest,
      ContactKeys keys,
      Instant now) {
    return received(name, email, phone, source, interest, Profile.NONE, keys, now);
  }

  public static Lead received(
      String name,
      String email,
      String phone,
      String source,
      String interest,
      Profile profile,
      ContactKeys keys,
      Instant now) {
    return new Lead(
        null, name, email, phone, keys.email(), keys.phone(), source, interest, LeadStatus.NEW,
        null, null, List.of(), null, false, now, now,
        profile.title(), profile.company(), profile.companySize(), profile.timeline(), null);
  }

  public NewLead toNewLead() {
    return new NewLead(id.toString(), name, email, phone, source, interest, title, company, companySize, timeline, createdAt);
  }
}
