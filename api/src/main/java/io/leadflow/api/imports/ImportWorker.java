package io.leadflow.api.imports;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Captures the rows of stored imports, oldest import first, {@code leadflow.imports.rows-per-transaction}
 * rows at a time: the rows are locked ({@code for update skip locked}, so API instances share an
 * import), captured and marked with their result in one transaction. A crash loses at most that
 * batch's uncommitted work, and the next run takes the same rows again: no row is captured twice
 * and none is lost. On a scheduler thread of its own ({@code spring.task.scheduling.pool.size}).
 */
@Component
class ImportWorker {

  private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

  private final ImportStore store;
  private final ImportRowCapture rows;
  private final TransactionTemplate transaction;
  private final int rowsPerTransaction;

  ImportWorker(
      ImportStore store,
      ImportRowCapture rows,
      TransactionTemplate transaction,
      @Value("${leadflow.imports.rows-per-transaction:100}") int rowsPerTransaction) {
    this.store = store;
    this.rows = rows;
    this.transaction = transaction;
    this.rowsPerTransaction = rowsPerTransaction;
  }

  @Scheduled(fixedDelayString = "${leadflow.imports.poll-interval:1s}")
  void work() {
    for (UUID id : store.unfinished()) {
      store.running(id);
      while (captureSome(id) > 0) {
        // on to the next batch
      }
      store.finishIfDone(id);
    }
  }

  /** How many rows this batch took; 0 when none is left to this instance. */
  int captureSome(UUID id) {
    return transaction.execute(status -> {
      var pending = store.claim(id, rowsPerTransaction);
      for (ImportStore.PendingRow row : pending) {
        store.record(id, row.row(), capture(id, row));
      }
      return pending.size();
    });
  }

  /**
   * A row that cannot be captured for a reason of its own is rejected, so it cannot stall the
   * import; PostgreSQL going away is no fault of the row: the batch rolls back and is taken again.
   */
  private RowResult capture(UUID id, ImportStore.PendingRow row) {
    try {
      return rows.capture(row.request());
    } catch (DataAccessResourceFailureException | TransientDataAccessException outage) {
      throw outage;
    } catch (RuntimeException e) {
      log.error("Import {} row {} could not be captured", id, row.row(), e);
      return RowResult.rejected(java.util.Map.of("row", "could not be captured: " + e.getClass().getSimpleName()));
    }
  }
}
