package io.leadflow.workflows;

import java.util.List;

/** A named, versioned cadence definition, resolved once per cadence and kept in its history. */
public record CadencePlan(String name, int version, List<CadenceStep> steps) {

  public CadencePlan {
    steps = List.copyOf(steps);
  }
}
