package io.leadflow.api.input;

import java.time.Instant;

/**
 * The instants the API takes: from 1970 to the end of year 9999 (UTC). Every date a lead, a
 * report or a rep can have lies there; beyond it PostgreSQL's timestamps and Java's arithmetic
 * give out (a filter in year 300000 used to answer 500).
 */
public final class InstantRule {

  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
  /** What a caller must send, for the problem that names the field or parameter. */
  public static final String EXPECTED =
      "must be an ISO-8601 instant (e.g. 2026-03-01T09:00:00Z) from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z";

  private InstantRule() {}

  public static boolean accepts(Instant instant) {
    return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
  }
}
