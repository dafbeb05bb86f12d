package io.leadflow.api.leads;

import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.TouchRepository;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leads")
class LeadController {

  private final LeadCapture capture;
  private final LeadRepository leads;
  private final TouchRepository touches;

  LeadController(LeadCapture capture, LeadRepository leads, TouchRepository touches) {
    this.capture = capture;
    this.leads = leads;
    this.touches = touches;
  }

  /** 202 for a new lead; 200 when the person was known and the capture joined their lead. */
  @PostMapping
  ResponseEntity<CapturedLead> capture(@Valid @RequestBody CaptureLeadRequest request) {
    CapturedLead captured = capture.capture(request);
    return ResponseEntity.status(captured.joinedExisting() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/leads/" + captured.leadId()))
        .body(captured);
  }

  @GetMapping("/{id}")
  LeadView lead(@PathVariable String id) {
    return parse(id)
        .flatMap(leads::findById)
        .map(lead -> LeadView.of(lead, touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id())))
        .orElseThrow(() -> notFound(id));
  }

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ErrorResponseException notFound(String id) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No lead with id " + id + ".");
    problem.setTitle("Lead not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}
