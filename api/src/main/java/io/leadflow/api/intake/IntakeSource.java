package io.leadflow.api.intake;

import java.time.Instant;
import java.util.Map;

/**
 * A form or ad tool that delivers leads to {@code /api/v1/webhooks/intake/<name>}: how it signs,
 * and its mapping. {@code fields} maps a JSON Pointer (RFC 6901) in the tool's payload to a capture
 * field ({@link IntakeMapping#FIELDS}) or {@code attributes.<key>}; {@code defaults} gives a field a
 * constant when the payload has nothing for it. Its secret is never part of it: shown once.
 */
public record IntakeSource(
    String name, IntakeScheme scheme, Map<String, String> fields, Map<String, String> defaults, String path,
    Instant createdAt, Instant updatedAt) {

  static final String PATH = "/api/v1/webhooks/intake/";
}
