package io.leadflow.activities.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CaptureRepository extends ListCrudRepository<CaptureRecord, Long> {

  List<CaptureRecord> findByLeadIdOrderByIdAsc(UUID leadId);

  /** The custom attributes of the lead's captures, oldest capture first, each in the order sent. */
  @Query(
      """
      select a.name, a.value from lead_capture_attribute a join lead_capture c on c.id = a.capture_id
      where c.lead_id = :leadId order by c.id, a.position
      """)
  List<CaptureAttribute> findAttributesByLeadId(UUID leadId);

  /**
   * What scoring reads of the lead's custom attributes: a later capture's value replaces an
   * earlier one's, and no more than {@link CaptureAttribute#MAX_PER_CAPTURE} names are kept (the
   * first ones sent), so a person repeating a form with new fields cannot grow the lead's input.
   */
  default Map<String, String> attributesOf(UUID leadId) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (CaptureAttribute attribute : findAttributesByLeadId(leadId)) {
      if (attributes.containsKey(attribute.name()) || attributes.size() < CaptureAttribute.MAX_PER_CAPTURE) {
        attributes.put(attribute.name(), attribute.value());
      }
    }
    return attributes;
  }

  /** Repeat captures of the lead signalled to its workflow since {@code since}. */
  @Query("select count(*) from lead_capture where lead_id = :leadId and joined and not coalesced and created_at >= :since")
  int countSignalledRepeatsSince(UUID leadId, Instant since);
}
