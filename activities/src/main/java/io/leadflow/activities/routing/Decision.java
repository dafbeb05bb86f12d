package io.leadflow.activities.routing;

import io.leadflow.workflows.Assignment;

/** A routing decision with its explanation in a rep's words. */
record Decision(String repId, String backupRepId, String managerId, Stage stage, String territoryId, String reason) {

  Assignment toAssignment() {
    return new Assignment(repId, backupRepId, managerId, reason);
  }
}
