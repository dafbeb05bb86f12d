package io.leadflow.workflows;

public enum Channel {
  CALL,
  SMS,
  EMAIL,
  /** A task for the rep (e.g. a LinkedIn touch); never sent to the lead by us. */
  TASK;

  /** Calls and texts respect the lead's quiet hours; email and rep tasks do not. */
  public boolean respectsQuietHours() {
    return this == CALL || this == SMS;
  }
}
