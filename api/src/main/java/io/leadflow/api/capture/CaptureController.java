package io.leadflow.api.capture;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.api.security.ApiPrincipal;
import jakarta.validation.Valid;
import java.util.Map;
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
  private final String defaultRegion;

  CaptureController(
      LeadCapture capture,
      IdempotencyKeys idempotency,
      CaptureLimits limits,
      @Value("${leadflow.enrichment.default-region:US}") String defaultRegion) {
    this.capture = capture;
    this.idempotency = idempotency;
    this.limits = limits;
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
