package io.leadflow.api;

import io.grpc.StatusRuntimeException;
import io.leadflow.api.input.InputProblems;
import io.leadflow.api.input.InstantRule;
import io.leadflow.api.input.InvalidInput;
import io.leadflow.api.security.ProblemResponses;
import io.leadflow.api.webhooks.UnsubscribePage;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.Errors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** RFC 9457 problem+json for every error, with details a client can act on. */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  /** Anything unforeseen: logged with its stack trace here, never shown to the caller. */
  @ExceptionHandler(RuntimeException.class)
  ProblemDetail unexpected(RuntimeException e, WebRequest request) {
    log.error("Unexpected error on {}", request.getDescription(false), e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it was logged.");
    problem.setTitle("Internal error");
    return problem;
  }

  /**
   * A request the server cannot read, found out only once the API reads it: a multipart type
   * without its boundary, a query string Tomcat cannot split ({@code ?=x}), a parameter name
   * Spring Security's firewall refuses. The client's to fix, so a 400, not a 500.
   */
  @ExceptionHandler({MultipartException.class, InvalidParameterException.class, RequestRejectedException.class})
  ResponseEntity<?> malformed(RuntimeException e, HttpServletRequest request) {
    if (UnsubscribePage.isThePage(request)) {
      // A person opened it from an email: a page, like its other refusals.
      return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.TEXT_HTML).body(UnsubscribePage.malformed());
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is malformed (its parameters, or a body that does not match its Content-Type).");
    problem.setTitle("Malformed request");
    return ResponseEntity.badRequest().body(problem);
  }

  /** The lead's workflow has completed: it is closed, nothing can be sent to it. */
  @ExceptionHandler(WorkflowNotFoundException.class)
  ProblemDetail closedWorkflow(WorkflowNotFoundException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The lead's workflow has ended; nothing can change it now.");
    problem.setTitle("Lead closed");
    return problem;
  }

  /** Temporal could not be reached: nothing was changed, the caller may retry. */
  @ExceptionHandler({WorkflowServiceException.class, StatusRuntimeException.class})
  ResponseEntity<ProblemDetail> temporalUnavailable(RuntimeException e) {
    return unavailable("The workflow service is unavailable; nothing was changed. Retry shortly.");
  }

  /** PostgreSQL could not be reached or dropped the connection mid-request: a 503 to retry, not a 500. */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    TransactionSystemException.class
  })
  ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
    log.warn("Lead store unavailable: {}", e.getMessage());
    return unavailable(ProblemResponses.STORE_UNAVAILABLE);
  }

  private static ResponseEntity<ProblemDetail> unavailable(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
    problem.setTitle("Temporarily unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, ProblemResponses.RETRY_AFTER_SECONDS)
        .body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Map<String, String> errors = new TreeMap<>();
    addFieldErrors(ex.getBindingResult(), errors);
    return handleExceptionInternal(
        ex, InputProblems.invalid(InputProblems.INVALID_BODY, errors), headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (ex.getMostSpecificCause() instanceof InvalidInput invalid) {
      ProblemDetail problem = InputProblems.invalid(InputProblems.INVALID_BODY, Map.of(invalid.field(), invalid.reason()));
      return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
    if (ex.getMostSpecificCause() instanceof InvalidNullException nullInAList) {
      ProblemDetail problem =
          InputProblems.invalid(InputProblems.INVALID_BODY, Map.of(InvalidInput.pathOf(nullInAList), "must not be null"));
      return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
    String detail =
        ex.getMostSpecificCause() instanceof UnrecognizedPropertyException unknown
            ? "Unknown field '" + unknown.getPropertyName() + "'."
            : "The request body is not valid JSON for this endpoint.";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Unreadable request");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** A parameter that is not of its type ({@code limit=ten}, an instant out of range): named, with what it takes. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
    ProblemDetail problem =
        InputProblems.invalid(InputProblems.INVALID_PARAMETERS, Map.of(String.valueOf(name), expected(ex.getRequiredType())));
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /**
   * Constraints on parameters and headers ({@code limit} 1–200, {@code Idempotency-Key} ≤ 200),
   * each named. A method with such a constraint has its body validated here too, not in
   * {@link #handleMethodArgumentNotValid}: its fields are named the same way.
   */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Map<String, String> errors = new TreeMap<>();
    ex.getBeanResults().forEach(body -> addFieldErrors(body, errors));
    ex.getValueResults()
        .forEach(result -> result.getResolvableErrors()
            .forEach(error -> errors.putIfAbsent(nameOf(result.getMethodParameter()), error.getDefaultMessage())));
    String detail = ex.getValueResults().isEmpty() ? InputProblems.INVALID_BODY : InputProblems.INVALID_PARAMETERS;
    return handleExceptionInternal(ex, InputProblems.invalid(detail, errors), headers, HttpStatus.BAD_REQUEST, request);
  }

  private static void addFieldErrors(Errors body, Map<String, String> errors) {
    body.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), e.getDefaultMessage()));
    body.getGlobalErrors().forEach(e -> errors.putIfAbsent(e.getObjectName(), e.getDefaultMessage()));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type == Instant.class) {
      return InstantRule.EXPECTED;
    }
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }
    return "must be a valid " + type.getSimpleName();
  }

  /** The name the caller used: the header's or parameter's, not the Java one. */
  private static String nameOf(MethodParameter parameter) {
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null && !header.name().isEmpty()) {
      return header.name();
    }
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
    if (variable != null && !variable.name().isEmpty()) {
      return variable.name();
    }
    return parameter.getParameterName();
  }
}
