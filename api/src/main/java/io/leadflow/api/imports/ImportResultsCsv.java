package io.leadflow.api.imports;

import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/** Each row's result as CSV (row, outcome, leadId, captureId, suppressed, errors), written a page at a time. */
@Component
class ImportResultsCsv {

  private static final int PAGE = 1000;
  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

  private final ImportStore store;

  ImportResultsCsv(ImportStore store) {
    this.store = store;
  }

  void write(UUID id, OutputStream out) {
    try (SequenceWriter rows = CSV.writerFor(String[].class).writeValues(out)) {
      rows.write(new String[] {"row", "outcome", "leadId", "captureId", "suppressed", "errors"});
      int after = 0;
      List<ImportRowView> page;
      do {
        page = store.rows(id, null, after, PAGE);
        for (ImportRowView row : page) {
          rows.write(new String[] {
              Integer.toString(row.row()),
              text(row.outcome()),
              text(row.leadId()),
              text(row.captureId()),
              String.join(" ", row.suppressed()),
              row.errors() == null ? "" : row.errors().entrySet().stream()
                  .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "))});
          after = row.row();
        }
      } while (page.size() == PAGE);
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
