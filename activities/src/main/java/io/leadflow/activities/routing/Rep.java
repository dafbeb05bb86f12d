package io.leadflow.activities.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rep as routing sees one. Working hours are in the rep's own time zone (an end before the
 * start spans midnight); no hours means always available. Out of office runs from
 * {@code awayFrom} (open start when null) until {@code awayUntil} (open end when null).
 */
record Rep(
    String id,
    String managerId,
    ZoneId timeZone,
    Set<DayOfWeek> workDays,
    LocalTime workStart,
    LocalTime workEnd,
    int capacity,
    int weight,
    List<String> skills,
    Instant awayFrom,
    Instant awayUntil,
    boolean active) {

  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  Rep {
    workDays = workDays == null || workDays.isEmpty() ? Set.of(DayOfWeek.values()) : Set.copyOf(workDays);
    skills = List.copyOf(skills);
  }

  /** Why the rep cannot take a lead at {@code now}, in words; empty when they can. */
  Optional<String> unavailableAt(Instant now) {
    if (!active) {
      return Optional.of(id + " inactive");
    }
    if ((awayFrom != null || awayUntil != null)
        && (awayFrom == null || !now.isBefore(awayFrom))
        && (awayUntil == null || now.isBefore(awayUntil))) {
      return Optional.of(id + " out of office" + (awayUntil == null ? "" : " until " + local(awayUntil)));
    }
    if (!working(now.atZone(timeZone))) {
      return Optional.of(id + " off hours (" + describeHours() + ")");
    }
    return Optional.empty();
  }

  /** "2026-03-10", or "2026-03-09 20:00" when not at midnight in the rep's zone. */
  private String local(Instant instant) {
    ZonedDateTime local = instant.atZone(timeZone);
    return local.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? local.toLocalDate().toString()
        : local.toLocalDate() + " " + HOURS.format(local);
  }

  boolean hasSkills(List<String> needed) {
    return needed.stream().allMatch(skill -> skills.stream().anyMatch(skill::equalsIgnoreCase));
  }

  private boolean working(ZonedDateTime local) {
    if (!workDays.contains(local.getDayOfWeek())) {
      return false;
    }
    if (workStart == null) {
      return true;
    }
    LocalTime time = local.toLocalTime();
    return workStart.isBefore(workEnd)
        ? !time.isBefore(workStart) && time.isBefore(workEnd)
        : !time.isBefore(workStart) || time.isBefore(workEnd);
  }

  private String describeHours() {
    String days =
        workDays.size() == 7
            ? "daily"
            : workDays.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(" "));
    String hours = workStart == null ? "all day" : HOURS.format(workStart) + "-" + HOURS.format(workEnd);
    return days + " " + hours + " " + timeZone.getId();
  }
}
