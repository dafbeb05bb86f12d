package io.leadflow.api.imports;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What became of one row: {@code CREATED} a new lead, {@code JOINED} a known person's lead (or one
 * an earlier row of the file made), {@code REJECTED} with {@code errors} (each field, and why).
 * {@code suppressed}: the channels the person's email or phone is suppressed on (or ALL), which
 * no touch ever uses, whatever the lead.
 */
record RowResult(Outcome outcome, Map<String, String> errors, UUID leadId, UUID captureId, List<String> suppressed) {

  enum Outcome { CREATED, JOINED, REJECTED }

  static RowResult rejected(Map<String, String> errors) {
    return new RowResult(Outcome.REJECTED, errors, null, null, List.of());
  }
}
