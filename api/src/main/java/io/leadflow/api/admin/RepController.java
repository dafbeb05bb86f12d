package io.leadflow.api.admin;

import io.leadflow.activities.routing.BookingLink;
import io.leadflow.activities.routing.Rep;
import io.leadflow.activities.routing.Rep.OutOfOffice;
import io.leadflow.activities.routing.Rep.WorkingHours;
import io.leadflow.activities.routing.RepStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
 * Reps (ADMIN): capacity (open leads), round-robin weight, skills, working hours in their own time
 * zone, out of office, booking link (an absolute https URL, offered to leads), and their owner id
 * in the team's CRM ({@code crmOwnerId}). {@code PUT} creates or replaces a rep under the id its
 * API key uses.
 */
@RestController
@RequestMapping("/api/v1/admin/reps")
class RepController {

  record RepRequest(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 320) @Email String email,
      @Size(max = 64) @Pattern(regexp = AdminIds.PATTERN, message = AdminIds.MESSAGE) String managerId,
      @Size(max = 64) String timeZone,
      @Valid WorkingHours workingHours,
      @NotNull @Min(0) @Max(10_000) Integer capacity,
      @Min(1) @Max(100) Integer weight,
      @Size(max = 20) List<@NotNull @Pattern(regexp = AdminIds.PATTERN, message = AdminIds.MESSAGE) String> skills,
      @Valid OutOfOffice outOfOffice,
      Boolean active,
      @Size(max = BookingLink.MAX_LENGTH) String bookingLink,
      @Size(max = 64) String crmOwnerId) {

    RepRequest {
      timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip();
      weight = weight == null ? 1 : weight;
      skills = skills == null ? List.of() : skills.stream().toList();
      active = active == null || active;
      bookingLink = bookingLink == null || bookingLink.isBlank() ? null : bookingLink.strip();
      crmOwnerId = crmOwnerId == null || crmOwnerId.isBlank() ? null : crmOwnerId.strip();
    }

    Rep toRep(String id) {
      return new Rep(
          id, name, email, managerId, timeZone, workingHours, capacity, weight, skills, outOfOffice, active, bookingLink, crmOwnerId);
    }

    @AssertTrue(message = "timeZone must be an IANA time zone, e.g. Europe/Berlin")
    boolean isTimeZoneKnown() {
      try {
        ZoneId.of(timeZone);
        return true;
      } catch (DateTimeException e) {
        return false;
      }
    }
  }

  private final RepStore reps;

  RepController(RepStore reps) {
    this.reps = reps;
  }

  @GetMapping
  List<Rep> all() {
    return reps.all();
  }

  @GetMapping("/{id}")
  Rep one(@PathVariable String id) {
    return reps.find(id).orElseThrow(() -> AdminProblems.notFound("rep", id));
  }

  /** 201 when the rep is new, 200 when it replaced one. */
  @PutMapping("/{id}")
  ResponseEntity<Rep> save(
      @PathVariable String id,
      @Valid @RequestBody RepRequest request) {
    AdminIds.checked(id);
    if (request.bookingLink() != null) {
      BookingLink.problem(request.bookingLink()).ifPresent(problem -> {
        throw AdminProblems.invalid(Map.of("bookingLink", problem));
      });
    }
    requireOwnCrmOwner(id, request.crmOwnerId());
    boolean created = reps.save(request.toRep(id));
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(one(id));
  }

  /** A CRM owner is one rep: the CRM's owner changes name the rep a lead goes to. */
  private void requireOwnCrmOwner(String id, String crmOwnerId) {
    if (crmOwnerId != null) {
      reps.all().stream()
          .filter(rep -> crmOwnerId.equals(rep.crmOwnerId()) && !rep.id().equals(id))
          .findFirst()
          .ifPresent(other -> {
            throw AdminProblems.conflict("CRM owner '" + crmOwnerId + "' is already rep '" + other.id() + "'.");
          });
    }
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id) {
    if (!reps.delete(id)) {
      throw AdminProblems.notFound("rep", id);
    }
  }
}
