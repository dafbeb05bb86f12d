package io.leadflow.activities.routing;

import java.util.List;

/** A territory: the leads it covers and the reps who share them. */
record Territory(String id, String name, Criteria criteria, String managerId, List<String> members) {

  Territory {
    members = List.copyOf(members);
  }
}
