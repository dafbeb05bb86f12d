package io.leadflow.workflows;

import java.util.List;

/** One step of a cadence: on cadence day {@code day} (day 1 = the assignment day), these channels. */
public record CadenceStep(int day, List<Channel> channels, String template) {

  public CadenceStep {
    channels = List.copyOf(channels);
  }
}
