package io.leadflow.api.input;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The 400 for input that breaks a rule: {@code errors} maps each field or parameter to what is wrong with it. */
public final class InputProblems {

  public static final String INVALID_BODY = "The request body has invalid fields.";
  public static final String INVALID_PARAMETERS = "The request has invalid parameters.";

  private InputProblems() {}

  public static ProblemDetail invalid(String detail, Map<String, String> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }
}
