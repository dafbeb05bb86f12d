package io.leadflow.api.intake;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where form and ad tools deliver leads, one path per intake source, signed with the source's
 * secret instead of an API key. The body arrives already read within its limit (RequestSizeLimit)
 * and its signature is checked over those bytes before anything parses them ({@link SignedIntake}).
 * The answer is {@code 202 {"captureId"}}, the same for a new person and a known one.
 */
@RestController
class IntakeController {

  record Accepted(UUID captureId) {}

  private final SignedIntake intake;

  IntakeController(SignedIntake intake) {
    this.intake = intake;
  }

  @PostMapping(path = IntakeSource.PATH + "{source}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Accepted> deliver(
      @PathVariable String source,
      @RequestBody byte[] body,
      @RequestHeader(name = IntakeSignature.LEADFLOW_HEADER, required = false) String signature,
      @RequestHeader(name = IntakeSignature.TYPEFORM_HEADER, required = false) String typeformSignature) {
    return ResponseEntity.accepted().body(new Accepted(intake.receive(source, body, signature, typeformSignature)));
  }
}
