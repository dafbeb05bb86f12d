package io.leadflow.api.reports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The leads a report looks at: those captured in {@code [from, to)}. Without bounds, the seven
 * days up to now; at most 366 days.
 */
record ReportPeriod(Instant from, Instant to) {

  static final Duration DEFAULT_LENGTH = Duration.ofDays(7);
  private static final Duration LONGEST = Duration.ofDays(366);

  static ReportPeriod of(Instant from, Instant to, Instant now) {
    Instant end = to != null ? to : now;
    Instant start = from != null ? from : end.minus(DEFAULT_LENGTH);
    if (!start.isBefore(end)) {
      throw invalid("'from' must be before 'to'.");
    }
    if (Duration.between(start, end).compareTo(LONGEST) > 0) {
      throw invalid("A report covers at most 366 days.");
    }
    return new ReportPeriod(start, end);
  }

  /** The rolling window metrics report on. */
  static ReportPeriod endingAt(Instant now, Duration length) {
    return new ReportPeriod(now.minus(length), now);
  }

  Timestamp start() {
    return Timestamp.from(from);
  }

  Timestamp end() {
    return Timestamp.from(to);
  }

  private static ErrorResponseException invalid(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid period");
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }
}
