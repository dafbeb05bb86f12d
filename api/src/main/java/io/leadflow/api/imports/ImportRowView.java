package io.leadflow.api.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One row's result as admins read it; {@code row} 1 is the first row after the header, {@code outcome} null while pending. */
record ImportRowView(
    int row, String outcome, Map<String, String> errors, UUID leadId, UUID captureId, List<String> suppressed, Instant processedAt) {

  /** One page, in file order; {@code nextAfter} (the {@code after} of the next page) is null on the last. */
  record Page(List<ImportRowView> items, Integer nextAfter) {}
}
