package io.leadflow.activities.routing;

import java.util.List;

/**
 * A territory (tables {@code territory}, {@code territory_member}): the leads it covers
 * ({@code match}), tried by {@code priority} (lowest first), and the reps who share them.
 */
public record Territory(String id, String name, int priority, Criteria match, List<String> members, String managerId) {

  public Territory {
    members = List.copyOf(members);
  }
}
