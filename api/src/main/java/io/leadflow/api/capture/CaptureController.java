package io.leadflow.api.capture;

import io.leadflow.api.security.ApiPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
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

  /** 202 for a new lead; 200 when the person was known and the capture joined their lead. */
  @PostMapping("/api/v1/leads")
  ResponseEntity<CapturedLead> capture(
      @Valid @RequestBody CaptureLeadRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = IdempotencyKeys.MAX_LENGTH) String idempotencyKey,
      @AuthenticationPrincipal ApiPrincipal caller) {
    String phone = e164(request.phone());
    IdempotencyKeys.Answer answer =
        idempotencyKey == null
            ? process(caller, request, phone)
            : idempotency.once(caller.keyId(), idempotencyKey, request, () -> process(caller, request, phone));
    return ResponseEntity.status(answer.status())
        .location(URI.create("/api/v1/leads/" + answer.body().leadId()))
        .body(answer.body());
  }

  private IdempotencyKeys.Answer process(ApiPrincipal caller, CaptureLeadRequest request, String phone) {
    limits.check(caller.keyId(), phone);
    CapturedLead captured = capture.capture(request, phone);
    return new IdempotencyKeys.Answer(
        (captured.joinedExisting() ? HttpStatus.OK : HttpStatus.ACCEPTED).value(), captured);
  }

  private String e164(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    return PhoneNumbers.toE164(phone, defaultRegion)
        .orElseThrow(
            () -> {
              ProblemDetail problem =
                  ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body has invalid fields.");
              problem.setTitle("Invalid request");
              problem.setProperty("errors", Map.of("phone", "is not a valid phone number (default region " + defaultRegion + ")"));
              return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
            });
  }
}
