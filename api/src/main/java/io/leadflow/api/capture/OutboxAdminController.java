package io.leadflow.api.capture;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The capture outbox's dead letters (ADMIN): list them, replay one. */
@RestController
@RequestMapping("/api/v1/admin/outbox")
class OutboxAdminController {

  record DeadLetter(
      long id, UUID leadId, long captureId, boolean joined, int attempts, String lastError, Instant createdAt, Instant deadAt) {

    static DeadLetter of(OutboxEntry entry) {
      return new DeadLetter(
          entry.id(), entry.leadId(), entry.captureId(), entry.joined(), entry.attempts(), entry.lastError(),
          entry.createdAt(), entry.deadAt());
    }
  }

  private final DeadLetters deadLetters;

  OutboxAdminController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  /** Oldest first. */
  @GetMapping("/dead-letters")
  List<DeadLetter> deadLetters(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return deadLetters.oldest(limit).stream().map(DeadLetter::of).toList();
  }

  @PostMapping("/{id}/replay")
  ResponseEntity<Void> replay(@PathVariable long id) {
    return switch (deadLetters.replay(id)) {
      case QUEUED -> ResponseEntity.accepted().build();
      case NOT_DEAD -> throw problem(HttpStatus.CONFLICT, "Outbox entry " + id + " is not dead-lettered: it was delivered or is still being retried.");
      case NOT_FOUND -> throw problem(HttpStatus.NOT_FOUND, "No outbox entry " + id + ".");
    };
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
