package io.leadflow.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/api-keys")
class ApiKeyController {

  record NewApiKey(@NotBlank @Size(max = 100) String name, @NotNull Role role, @Size(max = 64) String repId) {

    /** A manager's rep id says whose team they see, so it is as required as a rep's. */
    @AssertTrue(message = "a REP or MANAGER key needs the rep's id")
    boolean isRepNamed() {
      return (role != Role.REP && role != Role.MANAGER) || (repId != null && !repId.isBlank());
    }
  }

  /** The key is in this answer and nowhere else: only its hash is stored. */
  record CreatedApiKey(long id, String name, Role role, String repId, String key) {}

  /** A key as listed: never the key, nor its hash. {@code lastUsedAt} is right to the minute. */
  record ListedApiKey(
      long id, String name, Role role, String repId, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    static ListedApiKey of(ApiKey key) {
      return new ListedApiKey(
          key.id(), key.name(), key.role(), key.repId(), key.createdAt(), key.lastUsedAt(), key.revokedAt());
    }
  }

  private final ApiKeyRepository keys;

  ApiKeyController(ApiKeyRepository keys) {
    this.keys = keys;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CreatedApiKey create(@Valid @RequestBody NewApiKey request) {
    String key = ApiKeys.newKey();
    ApiKey stored = keys.save(ApiKey.of(key, request.name(), request.role(), request.repId()));
    return new CreatedApiKey(stored.id(), stored.name(), stored.role(), stored.repId(), key);
  }

  /** Every key, revoked ones included (with {@code revokedAt}), newest first. */
  @GetMapping
  List<ListedApiKey> list() {
    return keys.newestFirst().stream().map(ListedApiKey::of).toList();
  }

  /** 204 once the key is revoked (again, if it already was): its next request is 401. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable long id) {
    if (keys.revoke(id) == 0 && !keys.existsById(id)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No API key with id " + id + ".");
      problem.setTitle("API key not found");
      throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
  }
}
