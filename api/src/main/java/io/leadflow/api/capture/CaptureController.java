package io.leadflow.api.capture;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.api.forms.FormSource;
import io.leadflow.api.input.ChecksItsOwnText;
import io.leadflow.api.input.InputProblems;
import io.leadflow.api.security.ApiPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CaptureController {

  private final LeadCapture capture;
  private final IdempotencyKeys idempotency;
  private final CaptureLimits limits;
  private final WebForms webForms;
  private final Validator validator;
  private final JsonMapper json;
  private final String defaultRegion;

  CaptureController(
      LeadCapture capture,
      IdempotencyKeys idempotency,
      CaptureLimits limits,
      WebForms webForms,
      Validator validator,
      JsonMapper json,
      @Value("${leadflow.enrichment.default-region:US}") String defaultRegion) {
    this.capture = capture;
    this.idempotency = idempotency;
    this.limits = limits;
    this.webForms = webForms;
    this.validator = validator;
    this.json = json;
    this.defaultRegion = defaultRegion;
  }

  /** What the caller sees of it: {@link CaptureAnswer}. */
  @PostMapping("/api/v1/leads")
  ResponseEntity<CaptureAnswer> capture(
      @Valid @RequestBody CaptureLeadRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @AuthenticationPrincipal ApiPrincipal caller) {
    String phone = e164(request.phone());
    IdempotencyKeys.Answer answer =
        idempotencyKey == null
            ? process(caller, request, phone)
            : idempotency.once(caller.keyId(), idempotencyKey, request, () -> process(caller, request, phone));
    return CaptureAnswer.to(caller, answer.body());
  }

  /**
   * The same capture from a form-encoded body ({@link FormFields}): sent with an API key it is
   * answered as JSON is; sent by a web form with its form key, see {@link WebForms}. A form key's
   * capture has no Idempotency-Key (a plain form cannot set headers): a second submission joins
   * the lead as any repeat does.
   */
  @PostMapping(path = "/api/v1/leads", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @ChecksItsOwnText
  ResponseEntity<CaptureAnswer> captureForm(
      @RequestBody MultiValueMap<String, String> form,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Authentication authentication,
      HttpServletRequest http) {
    if (authentication.getPrincipal() instanceof ApiPrincipal caller) {
      CaptureLeadRequest request = validated(FormFields.read(form, null, http, json));
      String phone = e164(request.phone());
      IdempotencyKeys.Answer answer =
          idempotencyKey == null
              ? process(caller, request, phone)
              : idempotency.once(caller.keyId(), idempotencyKey, request, () -> process(caller, request, phone));
      return CaptureAnswer.to(caller, answer.body());
    }
    FormSource source = (FormSource) authentication.getPrincipal();
    String origin = webForms.allowedOrigin(source, http.getHeader(HttpHeaders.ORIGIN));
    try {
      if (webForms.caught(source, form).isPresent()) {
        return WebForms.answer(source, UUID.randomUUID(), origin);
      }
      CaptureLeadRequest request = validated(FormFields.read(form, source, http, json));
      String phone = e164(request.phone());
      limits.checkForm(source.id(), phone, ContactKeys.of(request.email(), null).email());
      return WebForms.answer(source, capture.capture(request, phone).captureId(), origin);
    } catch (ErrorResponseException refused) {
      // The form's script may read why (CORS); the origin is one the form source allows.
      refused.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      refused.getHeaders().set(HttpHeaders.VARY, HttpHeaders.ORIGIN);
      throw refused;
    }
  }

  /** The checks {@code @Valid} makes on a JSON body, with the fields named the same way. */
  private CaptureLeadRequest validated(CaptureLeadRequest request) {
    BeanPropertyBindingResult result = new BeanPropertyBindingResult(request, "captureLeadRequest");
    new SpringValidatorAdapter(validator).validate(request, result);
    if (result.hasErrors()) {
      Map<String, String> errors = new TreeMap<>();
      result.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), e.getDefaultMessage()));
      result.getGlobalErrors().forEach(e -> errors.putIfAbsent(e.getObjectName(), e.getDefaultMessage()));
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, InputProblems.invalid(InputProblems.INVALID_BODY, errors), null);
    }
    return request;
  }

  private IdempotencyKeys.Answer process(ApiPrincipal caller, CaptureLeadRequest request, String phone) {
    limits.check(caller.keyId(), phone, ContactKeys.of(request.email(), null).email());
    CapturedLead captured = capture.capture(request, phone);
    return new IdempotencyKeys.Answer(
        (captured.joinedExisting() ? HttpStatus.OK : HttpStatus.ACCEPTED).value(), captured);
  }

  /** A valid phone LeadFlow may call and text ({@link PhoneNumbers}), in E.164; otherwise 400 naming {@code phone}. */
  private String e164(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    PhoneNumbers.Checked checked = PhoneNumbers.check(phone, defaultRegion);
    if (checked.problem() != null) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body has invalid fields.");
      problem.setTitle("Invalid request");
      problem.setProperty("errors", Map.of("phone", checked.problem()));
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
    return checked.e164();
  }
}
