package io.leadflow.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records when a key was last used without a write per request: each API instance writes a key's
 * {@code last_used_at} at most once per {@code leadflow.api.key-last-used-interval} (1 minute).
 * The keys written lately are remembered in a small bounded cache; one pushed out early only costs
 * an extra write. Authentication never waits on this: a failed write is logged and tried again on
 * the key's next request.
 */
@Component
class ApiKeyUsage {

  private static final Logger log = LoggerFactory.getLogger(ApiKeyUsage.class);

  private final JdbcClient jdbc;
  private final Cache<Long, Boolean> writtenLately;

  ApiKeyUsage(JdbcClient jdbc, @Value("${leadflow.api.key-last-used-interval:1m}") Duration interval) {
    this.jdbc = jdbc;
    this.writtenLately = Caffeine.newBuilder().expireAfterWrite(interval).maximumSize(10_000).build();
  }

  void used(long keyId) {
    if (writtenLately.asMap().putIfAbsent(keyId, Boolean.TRUE) != null) {
      return;
    }
    try {
      jdbc.sql("update api_key set last_used_at = now() where id = ?").param(keyId).update();
    } catch (DataAccessException e) {
      writtenLately.invalidate(keyId);
      log.warn("Could not record the use of API key {}: {}", keyId, e.getMessage());
    }
  }
}
