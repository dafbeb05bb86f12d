package io.leadflow.api.security;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface ApiKeyRepository extends ListCrudRepository<ApiKey, Long> {

  Optional<ApiKey> findByKeyHashAndRevokedAtIsNull(String keyHash);

  boolean existsByKeyHash(String keyHash);
}
