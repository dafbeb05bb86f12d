package io.leadflow.api.intake;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.api.capture.CaptureLimits;
import io.leadflow.api.capture.CapturedLead;
import io.leadflow.api.capture.LeadCapture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.node.ObjectNode;

/**
 * A signed delivery becomes a capture through {@link LeadCapture}, as a capture through the API
 * does (the same limits, dedupe, consent and outbox), under the per-key limit's
 * {@code intake:<source>}. Each signed delivery is remembered by its key, so the same one again
 * gets the first one's answer and is never a second capture. One whose payload does not map is
 * kept for an admin to replay once the mapping is fixed.
 */
@Service
class SignedIntake {

  /** What a sample payload would become: the capture as it would be sent, and its problems. */
  record Trial(boolean valid, ObjectNode capture, Map<String, String> errors) {}

  private final IntakeSources sources;
  private final IntakeDeliveries deliveries;
  private final IntakeMapping mapping;
  private final LeadCapture capture;
  private final CaptureLimits limits;
  private final IntakeProperties properties;
  private final Clock clock = Clock.systemUTC();

  SignedIntake(
      IntakeSources sources,
      IntakeDeliveries deliveries,
      IntakeMapping mapping,
      LeadCapture capture,
      CaptureLimits limits,
      IntakeProperties properties) {
    this.sources = sources;
    this.deliveries = deliveries;
    this.mapping = mapping;
    this.capture = capture;
    this.limits = limits;
    this.properties = properties;
  }

  /** The capture's id; otherwise a problem (403 forged or stale, 422 does not map, 409 still in progress). */
  UUID receive(String sourceName, byte[] body, String leadFlowSignature, String typeformSignature) {
    IntakeSource source = source(sourceName);
    String secret = sources.secret(source.name()).orElseThrow(() -> noSource(sourceName));
    IntakeSignature.Checked checked =
        IntakeSignature.check(source.scheme(), secret, leadFlowSignature, typeformSignature, body, properties.tolerance(), clock.instant());
    if (checked.rejection() != null) {
      throw IntakeProblems.forged(checked.rejection());
    }
    Optional<Long> claimed = deliveries.claim(source.name(), checked.deliveryKey());
    if (claimed.isEmpty()) {
      return answeredBefore(source, checked.deliveryKey());
    }
    long id = claimed.get();
    try {
      IntakeMapping.Mapped mapped = mapping.map(source, body);
      if (!mapped.valid()) {
        boolean keep = deliveries.kept(source.name()) < properties.maxKeptPerSource();
        deliveries.failed(id, keep ? body : null, mapped.errors());
        throw IntakeProblems.unmapped(source.name(), id, mapped.errors(), keep);
      }
      UUID captureId = capture(source, mapped).captureId();
      deliveries.captured(id, captureId);
      return captureId;
    } finally {
      deliveries.release(id); // only when neither captured nor failed: a problem of ours, so the sender's retry is a new try
    }
  }

  /** The same signed delivery again: the first one's answer. */
  private UUID answeredBefore(IntakeSource source, String deliveryKey) {
    IntakeDeliveries.Seen seen =
        deliveries.seen(source.name(), deliveryKey).orElseThrow(() -> IntakeProblems.conflict("This delivery is being processed; retry shortly."));
    if (seen.captureId() != null) {
      return seen.captureId();
    }
    if (seen.errors() != null) {
      throw IntakeProblems.unmapped(source.name(), seen.id(), seen.errors(), seen.kept());
    }
    throw IntakeProblems.conflict("This delivery is being processed; retry shortly.");
  }

  /** A kept failed delivery mapped again with the source's mapping as it is now. */
  CapturedLead replay(String sourceName, long deliveryId) {
    IntakeSource source = source(sourceName);
    IntakeDeliveries.Failure failure =
        deliveries.failure(source.name(), deliveryId, keptSince())
            .orElseThrow(() -> IntakeProblems.notFound("No kept failed delivery " + deliveryId + " of intake source '" + sourceName + "'."));
    if (!deliveries.takeForReplay(deliveryId)) {
      throw IntakeProblems.conflict("This delivery is being replayed already.");
    }
    byte[] payload = failure.payload().getBytes(StandardCharsets.UTF_8);
    Map<String, String> errors = failure.errors();
    try {
      IntakeMapping.Mapped mapped = mapping.map(source, payload);
      if (!mapped.valid()) {
        errors = mapped.errors();
        throw IntakeProblems.unmapped(source.name(), deliveryId, errors, true);
      }
      CapturedLead captured = capture(source, mapped);
      deliveries.captured(deliveryId, captured.captureId());
      errors = null;
      return captured;
    } finally {
      if (errors != null) {
        deliveries.failed(deliveryId, payload, errors);
      }
    }
  }

  Trial trial(String sourceName, byte[] payload) {
    IntakeMapping.Mapped mapped = mapping.map(source(sourceName), payload);
    if (mapped.valid() && mapped.e164Phone() != null) {
      mapped.capture().put("phone", mapped.e164Phone());
    }
    return new Trial(mapped.valid(), mapped.capture(), mapped.errors());
  }

  java.util.List<IntakeDeliveries.Failure> failures(String sourceName, int limit) {
    return deliveries.failures(source(sourceName).name(), keptSince(), limit);
  }

  /** Deliveries received before this are expired: neither listed nor replayed, and purged. */
  Instant keptSince() {
    return clock.instant().minus(properties.keepFor());
  }

  private CapturedLead capture(IntakeSource source, IntakeMapping.Mapped mapped) {
    limits.check("intake:" + source.name(), mapped.e164Phone(), ContactKeys.of(mapped.request().email(), null).email());
    return capture.capture(mapped.request(), mapped.e164Phone());
  }

  private IntakeSource source(String name) {
    return sources.find(name).orElseThrow(() -> noSource(name));
  }

  private static ErrorResponseException noSource(String name) {
    return IntakeProblems.notFound("No intake source '" + name + "'.");
  }
}
