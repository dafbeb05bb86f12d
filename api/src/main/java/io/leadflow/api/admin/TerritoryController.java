package io.leadflow.api.admin;

import io.leadflow.activities.routing.Criteria;
import io.leadflow.activities.routing.RepStore;
import io.leadflow.activities.routing.Territory;
import io.leadflow.activities.routing.TerritoryStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Territories (ADMIN): the first one by {@code priority} (lowest first) whose {@code match} covers
 * a lead takes it, and its members share it by weighted round-robin; {@code managerId} takes what
 * no member can. A territory without criteria is a catch-all.
 */
@RestController
@RequestMapping("/api/v1/admin/territories")
class TerritoryController {

  record TerritoryRequest(
      @NotBlank @Size(max = 200) String name,
      @Min(0) @Max(10_000) Integer priority,
      @Valid Criteria match,
      @Size(max = 200) List<@NotNull @Pattern(regexp = AdminIds.PATTERN, message = AdminIds.MESSAGE) String> members,
      @Size(max = 64) @Pattern(regexp = AdminIds.PATTERN, message = AdminIds.MESSAGE) String managerId) {

    TerritoryRequest {
      priority = priority == null ? 100 : priority;
      match = match == null ? Criteria.ANY : match;
      members = members == null ? List.of() : members.stream().distinct().toList();
    }

    Territory toTerritory(String id) {
      return new Territory(id, name, priority, match, members, managerId);
    }
  }

  private final TerritoryStore territories;
  private final RepStore reps;

  TerritoryController(TerritoryStore territories, RepStore reps) {
    this.territories = territories;
    this.reps = reps;
  }

  @GetMapping
  List<Territory> all() {
    return territories.all();
  }

  @GetMapping("/{id}")
  Territory one(@PathVariable String id) {
    return territories.find(id).orElseThrow(() -> AdminProblems.notFound("territory", id));
  }

  /** 201 when the territory is new, 200 when it replaced one; members keep their place in the rotation. */
  @PutMapping("/{id}")
  ResponseEntity<Territory> save(
      @PathVariable String id,
      @Valid @RequestBody TerritoryRequest request) {
    AdminIds.checked(id);
    List<String> unknown = reps.unknown(request.members());
    if (!unknown.isEmpty()) {
      throw AdminProblems.unknownReferences("members", "No such reps: " + String.join(", ", unknown) + ".");
    }
    boolean created = territories.save(request.toTerritory(id));
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(one(id));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id) {
    if (!territories.delete(id)) {
      throw AdminProblems.notFound("territory", id);
    }
  }
}
