package io.leadflow.activities.routing;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rep (table {@code rep}): capacity (open leads), round-robin weight, skills, working hours in
 * their own time zone, out of office. No working hours means always available. {@code bookingLink}:
 * the rep's booking page, offered to leads ({@link BookingLink}); null when the rep has none. {@code crmOwnerId}
 * is the rep's own id in the team's CRM (a HubSpot owner id, a Salesforce user id).
 */
public record Rep(
    String id,
    String name,
    String email,
    String managerId,
    String timeZone,
    WorkingHours workingHours,
    int capacity,
    int weight,
    List<String> skills,
    OutOfOffice outOfOffice,
    boolean active,
    String bookingLink,
    String crmOwnerId) {

  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  public Rep {
    // A stored null skill (written around the API) means nothing; it must not make the rep unreadable.
    skills = skills == null ? List.of() : skills.stream().filter(Objects::nonNull).toList();
  }

  /** When the rep works, in their time zone; no days means every day. An end before the start spans midnight. */
  public record WorkingHours(List<@NotNull DayOfWeek> days, @NotNull LocalTime start, @NotNull LocalTime end) {

    public WorkingHours {
      days = days == null ? List.of() : List.copyOf(days);
    }

    @AssertTrue(message = "start and end must differ")
    boolean isAWindow() {
      return start == null || !start.equals(end);
    }

    private Set<DayOfWeek> everyDayWhenNone() {
      return days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    private boolean includes(ZonedDateTime local) {
      if (!everyDayWhenNone().contains(local.getDayOfWeek())) {
        return false;
      }
      LocalTime time = local.toLocalTime();
      return start.isBefore(end)
          ? !time.isBefore(start) && time.isBefore(end)
          : !time.isBefore(start) || time.isBefore(end);
    }

    /** "Mon Fri 09:00-17:00", "daily 22:00-06:00". */
    private String describe() {
      Set<DayOfWeek> workDays = everyDayWhenNone();
      String named =
          workDays.size() == 7
              ? "daily"
              : workDays.stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(" "));
      return named + " " + HOURS.format(start) + "-" + HOURS.format(end);
    }
  }

  /** Away from {@code from} (now when absent) until {@code until} (until further notice when absent). */
  public record OutOfOffice(Instant from, Instant until) {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    @AssertTrue(message = "until must be after from")
    boolean isOrdered() {
      return from == null || until == null || until.isAfter(from);
    }

    @AssertTrue(message = "from and until must lie between 2000 and 2100")
    boolean isWithinSaneDates() {
      return (from == null || (!from.isBefore(EARLIEST) && from.isBefore(LATEST)))
          && (until == null || (!until.isBefore(EARLIEST) && until.isBefore(LATEST)));
    }

    private boolean covers(Instant now) {
      return (from != null || until != null) && (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }
  }

  /** Why the rep cannot take a lead at {@code now}, in words; empty when they can. */
  Optional<String> unavailableAt(Instant now) {
    if (!active) {
      return Optional.of(id + " inactive");
    }
    if (outOfOffice != null && outOfOffice.covers(now)) {
      return Optional.of(id + " out of office" + (outOfOffice.until() == null ? "" : " until " + local(outOfOffice.until())));
    }
    if (workingHours != null && !workingHours.includes(now.atZone(zone()))) {
      return Optional.of(id + " off hours (" + workingHours.describe() + " " + zone().getId() + ")");
    }
    return Optional.empty();
  }

  boolean hasSkills(List<String> needed) {
    return needed.stream().allMatch(skill -> skills.stream().anyMatch(skill::equalsIgnoreCase));
  }

  private ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  /** "2026-03-10", or "2026-03-09 20:00" when not at midnight in the rep's zone. */
  private String local(Instant instant) {
    ZonedDateTime local = instant.atZone(zone());
    return local.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? local.toLocalDate().toString()
        : local.toLocalDate() + " " + HOURS.format(local);
  }
}
