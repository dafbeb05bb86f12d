package io.leadflow.api.cadences;

import io.leadflow.activities.playbook.CadenceDefinitions;
import io.leadflow.workflows.CadencePlan;
import io.leadflow.workflows.CadenceStep;
import io.leadflow.workflows.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cadence definitions (ADMIN). Saving adds a version; new leads take the newest version of the
 * configured cadence name when their cadence starts, running leads keep theirs.
 */
@RestController
@RequestMapping("/api/v1/admin/cadences")
class CadenceController {

  record StepRequest(
      @Min(1) @Max(365) int day,
      @NotEmpty @Size(max = 4) List<Channel> channels,
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+", message = "lower-case letters, digits and -") String template) {}

  record CadenceRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+", message = "lower-case letters, digits and -") String name,
      @NotEmpty @Size(max = 30) List<@Valid StepRequest> steps) {

    @AssertTrue(message = "steps must be in increasing day order")
    boolean isOrdered() {
      for (int i = 1; steps != null && i < steps.size(); i++) {
        if (steps.get(i).day() <= steps.get(i - 1).day()) {
          return false;
        }
      }
      return true;
    }
  }

  private final CadenceDefinitions definitions;

  CadenceController(CadenceDefinitions definitions) {
    this.definitions = definitions;
  }

  @GetMapping
  List<CadencePlan> all() {
    return definitions.all();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CadencePlan save(@Valid @RequestBody CadenceRequest request) {
    return definitions.save(
        request.name(),
        request.steps().stream().map(s -> new CadenceStep(s.day(), s.channels(), s.template())).toList());
  }
}
