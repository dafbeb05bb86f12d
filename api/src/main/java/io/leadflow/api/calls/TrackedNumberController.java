package io.leadflow.api.calls;

import io.leadflow.api.capture.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tracked numbers (ADMIN): which of the team's Twilio numbers belongs to which campaign, and where
 * its calls are forwarded. The number in the path is any form libphonenumber reads
 * ({@code +12125550199}, {@code (212) 555-0199} in the default region); it is kept as E.164.
 */
@RestController
@RequestMapping("/api/v1/admin/tracked-numbers")
class TrackedNumberController {

  record TrackedNumberRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9 ._:/-]+", message = "letters, digits and . _ : / - only")
          String source,
      @Size(max = 200) String utmCampaign,
      @Size(max = 200) String utmMedium,
      @Size(max = 32) String forwardTo) {}

  private final TrackedNumbers numbers;
  private final String defaultRegion;

  TrackedNumberController(TrackedNumbers numbers, @Value("${leadflow.enrichment.default-region:US}") String defaultRegion) {
    this.numbers = numbers;
    this.defaultRegion = defaultRegion;
  }

  @GetMapping
  List<TrackedNumber> all() {
    return numbers.all();
  }

  @GetMapping("/{number}")
  TrackedNumber one(@PathVariable String number) {
    String e164 = e164("number", number);
    return numbers.find(e164).orElseThrow(() -> notFound(e164));
  }

  /** 201 when the number is new, 200 when it replaced its campaign. */
  @PutMapping("/{number}")
  ResponseEntity<TrackedNumber> save(@PathVariable String number, @Valid @RequestBody TrackedNumberRequest request) {
    String e164 = e164("number", number);
    String forwardTo = blank(request.forwardTo()) ? null : e164("forwardTo", request.forwardTo());
    if (e164.equals(forwardTo)) {
      throw invalid("forwardTo", "must not be the tracked number itself (the call would ring back into LeadFlow)");
    }
    boolean created =
        numbers.save(new TrackedNumber(e164, request.source().strip(), stripped(request.utmCampaign()), stripped(request.utmMedium()), forwardTo, null));
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(one(e164));
  }

  @DeleteMapping("/{number}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String number) {
    String e164 = e164("number", number);
    if (!numbers.delete(e164)) {
      throw notFound(e164);
    }
  }

  /** A number a person answers, in E.164 ({@link PhoneNumbers}); otherwise 400 naming {@code field}. */
  private String e164(String field, String number) {
    PhoneNumbers.Checked checked = PhoneNumbers.check(number, defaultRegion);
    if (checked.problem() != null) {
      throw invalid(field, checked.problem());
    }
    return checked.e164();
  }

  private static ErrorResponseException invalid(String field, String problem) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    detail.setTitle("Invalid request");
    detail.setProperty("errors", Map.of(field, problem));
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, null);
  }

  private static ErrorResponseException notFound(String number) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No tracked number '" + number + "'.");
    detail.setTitle("Not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, detail, null);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String stripped(String value) {
    return blank(value) ? null : value.strip();
  }
}
