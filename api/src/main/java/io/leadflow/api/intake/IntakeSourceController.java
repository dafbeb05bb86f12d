package io.leadflow.api.intake;

import io.leadflow.api.capture.CapturedLead;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake sources (ADMIN): their mapping, their secret (made by LeadFlow, shown once when the source
 * is created or its secret rotated), a trial of the mapping on a sample payload that stores
 * nothing, and the failed deliveries kept for replay.
 */
@RestController
@RequestMapping("/api/v1/admin/intake-sources")
class IntakeSourceController {

  static final String NAME = "[a-z0-9][a-z0-9._-]{0,63}";

  record Mapping(
      IntakeScheme scheme,
      @NotNull @Size(min = 1, max = 100) Map<@NotNull @Size(max = 500) String, @NotBlank @Size(max = 80) String> fields,
      @Size(max = 50) Map<@NotBlank @Size(max = 80) String, @NotNull @Size(max = 500) String> defaults) {

    Mapping {
      scheme = scheme == null ? IntakeScheme.LEADFLOW : scheme;
      defaults = defaults == null ? Map.of() : defaults;
    }

    /** Every pointer and target, or a 400 naming each wrong one ({@code fields./x}, {@code defaults.x}). */
    Mapping checked() {
      Map<String, String> errors = new TreeMap<>();
      fields.forEach((pointer, target) -> {
        String problem = IntakeMapping.pointerProblem(pointer);
        if (problem == null) {
          problem = IntakeMapping.targetProblem(target);
        }
        if (problem != null) {
          errors.put("fields." + pointer, problem);
        }
      });
      defaults.keySet().forEach(target -> {
        String problem = IntakeMapping.targetProblem(target);
        if (problem != null) {
          errors.put("defaults." + target, problem);
        }
      });
      if (!errors.isEmpty()) {
        throw IntakeProblems.invalid(errors);
      }
      return new Mapping(scheme, new LinkedHashMap<>(fields), new LinkedHashMap<>(defaults));
    }
  }

  record NewSource(
      @NotBlank @Pattern(regexp = NAME, message = "lower-case letters, digits and . _ - (at most 64)") String name,
      IntakeScheme scheme,
      @NotNull @Size(min = 1, max = 100) Map<@NotNull @Size(max = 500) String, @NotBlank @Size(max = 80) String> fields,
      @Size(max = 50) Map<@NotBlank @Size(max = 80) String, @NotNull @Size(max = 500) String> defaults) {

    Mapping mapping() {
      return new Mapping(scheme, fields, defaults).checked();
    }
  }

  /** A source with its secret: the only answers that show it. */
  record WithSecret(IntakeSource source, String secret) {}

  record Replayed(UUID captureId, UUID leadId, boolean joinedExisting) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final IntakeSources sources;
  private final SignedIntake intake;

  IntakeSourceController(IntakeSources sources, SignedIntake intake) {
    this.sources = sources;
    this.intake = intake;
  }

  @PostMapping
  ResponseEntity<WithSecret> create(@Valid @RequestBody NewSource request) {
    Mapping mapping = request.mapping();
    String secret = newSecret();
    if (!sources.create(request.name(), mapping.scheme(), mapping.fields(), mapping.defaults(), secret)) {
      throw IntakeProblems.conflict("An intake source '" + request.name() + "' exists: change its mapping with PUT, its secret with POST …/secret.");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(new WithSecret(one(request.name()), secret));
  }

  @GetMapping
  List<IntakeSource> all() {
    return sources.all();
  }

  @GetMapping("/{name}")
  IntakeSource one(@PathVariable String name) {
    return sources.find(name).orElseThrow(() -> IntakeProblems.notFound("No intake source '" + name + "'."));
  }

  /** Replaces the scheme and mapping; the secret stays. */
  @PutMapping("/{name}")
  IntakeSource replace(@PathVariable String name, @Valid @RequestBody Mapping request) {
    Mapping mapping = request.checked();
    if (!sources.replaceMapping(name, mapping.scheme(), mapping.fields(), mapping.defaults())) {
      throw IntakeProblems.notFound("No intake source '" + name + "'.");
    }
    return one(name);
  }

  /** A new secret, in force at once: the old one no longer verifies anything. */
  @PostMapping("/{name}/secret")
  WithSecret rotate(@PathVariable String name) {
    String secret = newSecret();
    if (!sources.rotate(name, secret)) {
      throw IntakeProblems.notFound("No intake source '" + name + "'.");
    }
    return new WithSecret(one(name), secret);
  }

  @DeleteMapping("/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String name) {
    if (!sources.delete(name)) {
      throw IntakeProblems.notFound("No intake source '" + name + "'.");
    }
  }

  /** What a sample payload would become with the mapping in force: nothing is stored, no lead made. */
  @PostMapping(path = "/{name}/test", consumes = MediaType.APPLICATION_JSON_VALUE)
  SignedIntake.Trial test(@PathVariable String name, @RequestBody byte[] payload) {
    return intake.trial(name, payload);
  }

  /** Failed deliveries kept for replay, newest first. */
  @GetMapping("/{name}/failed")
  List<IntakeDeliveries.Failure> failed(@PathVariable String name, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return intake.failures(name, limit);
  }

  @PostMapping("/{name}/failed/{id}/replay")
  ResponseEntity<Replayed> replay(@PathVariable String name, @PathVariable long id) {
    CapturedLead captured = intake.replay(name, id);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Replayed(captured.captureId(), captured.leadId(), captured.joinedExisting()));
  }

  /** 32 random bytes in hex: a key as long as HMAC-SHA256's output, easy to paste and to give openssl. */
  private static String newSecret() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }
}
