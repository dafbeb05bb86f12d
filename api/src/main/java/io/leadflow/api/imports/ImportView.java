package io.leadflow.api.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * An import and how far it got: {@code rows} read from the file (all stored at upload),
 * {@code processed} of them so far, as {@code created}, {@code joined} and {@code rejected};
 * {@code suppressed} counts the captured rows whose person is suppressed on some channel. State:
 * {@code QUEUED}, {@code RUNNING}, {@code DONE}.
 */
record ImportView(
    UUID id,
    String source,
    String state,
    ImportMapping mapping,
    long rows,
    long processed,
    long created,
    long joined,
    long rejected,
    long suppressed,
    Instant createdAt,
    Instant finishedAt) {}
