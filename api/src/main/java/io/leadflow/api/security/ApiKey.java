package io.leadflow.api.security;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A stored API key: only its hash, never the key. {@code lastUsedAt} is right to the minute ({@link ApiKeyUsage}). */
@Table("api_key")
record ApiKey(
    @Id Long id,
    String keyHash,
    String name,
    Role role,
    String repId,
    Instant createdAt,
    Instant revokedAt,
    Instant lastUsedAt) {

  static ApiKey of(String key, String name, Role role, String repId) {
    return new ApiKey(null, ApiKeys.hash(key), name, role, repId, Instant.now(), null, null);
  }

  ApiPrincipal principal() {
    return new ApiPrincipal(id, name, role, repId);
  }
}
