package io.leadflow.api.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ApiKeyRepository extends ListCrudRepository<ApiKey, Long> {

  Optional<ApiKey> findByKeyHashAndRevokedAtIsNull(String keyHash);

  boolean existsByKeyHash(String keyHash);

  @Query("select * from api_key order by id desc")
  List<ApiKey> newestFirst();

  /** Keeps the first revocation's time: revoking twice changes nothing. */
  @Modifying
  @Query("update api_key set revoked_at = now() where id = :id and revoked_at is null")
  int revoke(long id);
}
