package io.leadflow.api.admin;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems the admin endpoints answer with, rendered by the API's problem advice. */
final class AdminProblems {

  private AdminProblems() {}

  static ErrorResponseException notFound(String what, String id) {
    return problem(HttpStatus.NOT_FOUND, "Not found", "No " + what + " '" + id + "'.", null);
  }

  /** The body is well formed but names something that does not exist (a rep, an owner). */
  static ErrorResponseException unknownReferences(String field, String detail) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown reference", detail, Map.of(field, detail));
  }

  static ErrorResponseException invalid(Map<String, String> errors) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request body has invalid fields.", errors);
  }

  static ErrorResponseException conflict(String detail) {
    return problem(HttpStatus.CONFLICT, "Conflict", detail, null);
  }

  private static ErrorResponseException problem(HttpStatus status, String title, String detail, Map<String, String> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (errors != null) {
      problem.setProperty("errors", errors);
    }
    return new ErrorResponseException(status, problem, null);
  }
}
