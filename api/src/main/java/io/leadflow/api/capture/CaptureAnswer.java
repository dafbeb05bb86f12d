package io.leadflow.api.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadflow.api.security.ApiPrincipal;
import io.leadflow.api.security.Role;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a capture. A key that may read every lead (ADMIN) sees the lead: {@code 202} new,
 * {@code 200} joined a known person, with {@code leadId}, {@code workflowId}, {@code joinedExisting}
 * and {@code Location}. Any other key (INGEST: web forms, partner feeds) gets the same answer for
 * a new person and a known one, {@code 202 {"captureId"}}: it never learns whether the person was
 * known, nor the id of their lead, with which anyone could act on it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CaptureAnswer(UUID captureId, UUID leadId, String workflowId, Boolean joinedExisting) {

  static ResponseEntity<CaptureAnswer> to(ApiPrincipal caller, CapturedLead captured) {
    if (caller.role() != Role.ADMIN) {
      return ResponseEntity.accepted().body(new CaptureAnswer(captured.captureId(), null, null, null));
    }
    return ResponseEntity.status(captured.joinedExisting() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/leads/" + captured.leadId()))
        .body(new CaptureAnswer(captured.captureId(), captured.leadId(), captured.workflowId(), captured.joinedExisting()));
  }
}
