package io.leadflow.api.imports;

import io.leadflow.api.input.InputProblems;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The 4xx answers of list imports, problem+json like every other. */
final class ImportProblems {

  private ImportProblems() {}

  static ErrorResponseException invalidParameters(Map<String, String> errors) {
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, InputProblems.invalid(InputProblems.INVALID_PARAMETERS, errors), null);
  }

  static ErrorResponseException unreadable(String detail) {
    ProblemDetail problem = InputProblems.invalid(detail, Map.of("body", detail));
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  static ErrorResponseException notFound(Object id) {
    return new ErrorResponseException(
        HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No import " + id + "."), null);
  }
}
