package io.leadflow.api.intake;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems of signed intake and its admin endpoints. */
final class IntakeProblems {

  private IntakeProblems() {}

  static ErrorResponseException notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, "Not found", detail);
  }

  /** 403: the delivery did not prove it came from the source; nothing of it was kept. */
  static ErrorResponseException forged(String why) {
    return problem(HttpStatus.FORBIDDEN, "Signature refused", why + " Nothing was kept.");
  }

  static ErrorResponseException invalid(Map<String, String> errors) {
    ErrorResponseException invalid = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request body has invalid fields.");
    invalid.getBody().setProperty("errors", errors);
    return invalid;
  }

  static ErrorResponseException conflict(String detail) {
    ErrorResponseException conflict = problem(HttpStatus.CONFLICT, "Conflict", detail);
    conflict.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    return conflict;
  }

  /**
   * 422: signed, but its payload is no capture with this mapping. {@code errors} names each field
   * and where it was looked for; {@code failedDeliveryId} is what an admin replays once the mapping
   * is fixed, when the payload was {@code kept}.
   */
  static ErrorResponseException unmapped(String source, long deliveryId, Map<String, String> errors, boolean kept) {
    String detail =
        kept
            ? "The payload does not make a capture with this source's mapping. It was kept: fix the mapping, then replay it"
                + " (POST /api/v1/admin/intake-sources/" + source + "/failed/" + deliveryId + "/replay)."
            : "The payload does not make a capture with this source's mapping, and it was NOT kept: this source already keeps"
                + " the most failed deliveries it may. Fix the mapping and send it again.";
    ErrorResponseException unmapped = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Payload does not map", detail);
    unmapped.getBody().setProperty("errors", errors);
    unmapped.getBody().setProperty("kept", kept);
    if (kept) {
      unmapped.getBody().setProperty("failedDeliveryId", deliveryId);
    }
    return unmapped;
  }

  private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }
}
