package io.leadflow.activities.store;

import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.NewLead;
import io.leadflow.workflows.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    Instant scoredAt,
    String firstName,
    String lastName,
    String country,
    String website) {

  /**
   * What a form may add about the person and their company; every field optional. {@code country}
   * as stated (a name or an ISO code: enrichment reads it), {@code website} as given.
   */
  public record Profile(
      String title, String company, Integer companySize, String timeline,
      String firstName, String lastName, String country, String website) {

    public static final Profile NONE = new Profile(null, null, null, null);

    public Profile(String title, String company, Integer companySize, String timeline) {
      this(title, company, companySize, timeline, null, null, null, null);
    }
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
        profile.title(), profile.company(), profile.companySize(), profile.timeline(), null,
        profile.firstName(), profile.lastName(), profile.country(), profile.website());
  }

  /** {@code attributes}: the custom attributes of the capture that made the lead. */
  public NewLead toNewLead(Map<String, String> attributes) {
    return new NewLead(
        id.toString(), name, email, phone, source, interest, title, company, companySize, timeline, createdAt,
        country, website, attributes);
  }
}
