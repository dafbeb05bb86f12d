package io.leadflow.activities.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The custom attributes of captures (table {@code lead_capture_attribute}), kept beside the
 * capture rather than in its aggregate: a lead's captures and all their attributes read in two
 * queries, however many times a person sent the form.
 */
@Component
public class CaptureAttributes {

  private final JdbcClient jdbc;

  CaptureAttributes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** In the capture's transaction, in the order sent. */
  public void save(long captureId, List<CaptureAttribute> attributes) {
    for (int i = 0; i < attributes.size(); i++) {
      jdbc.sql("insert into lead_capture_attribute (capture_id, position, name, value) values (?, ?, ?, ?)")
          .params(captureId, i, attributes.get(i).name(), attributes.get(i).value())
          .update();
    }
  }

  /** Each capture's attributes by capture id, in the order sent; a capture without any is absent. */
  public Map<Long, List<CaptureAttribute>> byCapture(UUID leadId) {
    Map<Long, List<CaptureAttribute>> byCapture = new LinkedHashMap<>();
    jdbc.sql(
            """
            select a.capture_id, a.name, a.value from lead_capture_attribute a join lead_capture c on c.id = a.capture_id
            where c.lead_id = ? order by a.capture_id, a.position
            """)
        .param(leadId)
        .query(rs -> {
          byCapture.computeIfAbsent(rs.getLong("capture_id"), id -> new ArrayList<>())
              .add(new CaptureAttribute(rs.getString("name"), rs.getString("value")));
        });
    return byCapture;
  }

  /**
   * What scoring reads of the lead's custom attributes: a later capture's value replaces an
   * earlier one's, and no more than {@link CaptureAttribute#MAX_PER_CAPTURE} names are kept (the
   * first ones sent), so a person repeating a form with new fields cannot grow the lead's input.
   */
  public Map<String, String> merged(UUID leadId) {
    Map<String, String> merged = new LinkedHashMap<>();
    byCapture(leadId).values().forEach(attributes -> attributes.forEach(attribute -> {
      if (merged.containsKey(attribute.name()) || merged.size() < CaptureAttribute.MAX_PER_CAPTURE) {
        merged.put(attribute.name(), attribute.value());
      }
    }));
    return merged;
  }
}
