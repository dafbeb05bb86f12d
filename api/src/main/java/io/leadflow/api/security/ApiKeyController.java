package io.leadflow.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
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
}
