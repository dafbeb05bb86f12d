package io.leadflow.api.imports;

import io.leadflow.activities.store.Sha256;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Takes an uploaded CSV as it streams in: each row, mapped to the capture request it stands for,
 * goes into {@code list_import_row} in batches, in one transaction with its import, so the file
 * is in PostgreSQL, whole, before the answer, and only a batch is ever in memory. The same bytes
 * with the same source and mapping are the same import: the second upload is rolled back and
 * answered with the first ({@code list_import_same_file}). {@link ImportWorker} captures the rows.
 */
@Service
class ListImports {

  private static final int BATCH = 500;
  private static final ObjectReader CSV =
      CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY, CsvReadFeature.SKIP_EMPTY_LINES).build().readerFor(String[].class);

  /** {@code created} false: the same file and mapping were imported before, as {@code id}. */
  record Uploaded(UUID id, boolean created) {}

  private final ImportStore store;
  private final JsonMapper json;
  private final TransactionTemplate transaction;

  ListImports(ImportStore store, JsonMapper json, TransactionTemplate transaction) {
    this.store = store;
    this.json = json;
    this.transaction = transaction;
  }

  Uploaded upload(String source, ImportMapping mapping, InputStream body, long apiKeyId) {
    MessageDigest sha256 = sha256();
    InputStream counted = new FilterInputStream(new DigestInputStream(body, sha256)) {
      @Override
      public void close() {} // the parser closes its source; the rest is still read for the hash
    };
    String mappingSha256 = Sha256.hex(json.writeValueAsString(
        Map.of("source", source, "columns", new TreeMap<>(mapping.columns()), "defaults", new TreeMap<>(mapping.defaults()))));
    try (MappingIterator<String[]> rows = CSV.readValues(counted)) {
      if (!rows.hasNextValue()) {
        throw ImportProblems.unreadable("The file is empty: it needs a header row naming its columns.");
      }
      List<String> header = header(rows.nextValue());
      int[] positions = mapping.positionsIn(header);
      UUID id = UUID.randomUUID();
      String[] contentSha256 = new String[1];
      try {
        return transaction.execute(status -> {
          store.insert(id, source, mapping, mappingSha256, apiKeyId);
          int count = storeRows(id, source, mapping, header.size(), positions, rows);
          drain(counted);
          contentSha256[0] = HexFormat.of().formatHex(sha256.digest());
          Optional<UUID> earlier = store.find(contentSha256[0], mappingSha256);
          if (earlier.isPresent()) {
            status.setRollbackOnly();
            return new Uploaded(earlier.get(), false);
          }
          store.uploaded(id, contentSha256[0], count);
          return new Uploaded(id, true);
        });
      } catch (DuplicateKeyException sameFileAtTheSameMoment) {
        return new Uploaded(store.find(contentSha256[0], mappingSha256).orElseThrow(), false);
      }
    } catch (JacksonException notCsv) {
      for (Throwable cause = notCsv.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof ErrorResponseException refused) {
          throw refused; // the body went over its limit as the parser read it: 413
        }
      }
      throw ImportProblems.unreadable("The file is not CSV (UTF-8, comma-separated, a header row first): " + notCsv.getOriginalMessage());
    }
  }

  private int storeRows(UUID id, String source, ImportMapping mapping, int columns, int[] positions, MappingIterator<String[]> rows) {
    List<ImportStore.NewRow> batch = new ArrayList<>(BATCH);
    int row = 0;
    while (rows.hasNextValue()) {
      String[] cells = rows.nextValue();
      row++;
      if (cells.length != columns) {
        batch.add(new ImportStore.NewRow(row, null, "has " + cells.length + " cells where the header has " + columns));
      } else {
        batch.add(new ImportStore.NewRow(row, json.writeValueAsString(mapping.request(json.createObjectNode(), source, cells, positions)), null));
      }
      if (batch.size() == BATCH) {
        store.insertRows(id, batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      store.insertRows(id, batch);
    }
    return row;
  }

  /** A byte-order mark (spreadsheets write one) is not part of the first column's name. */
  private static List<String> header(String[] cells) {
    List<String> header = new ArrayList<>(Arrays.stream(cells).map(String::strip).toList());
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
      header.set(0, header.get(0).substring(1).strip());
    }
    return header;
  }

  /** What follows the last row (trailing blank lines) still counts toward the file's hash. */
  private static void drain(InputStream in) {
    try {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
