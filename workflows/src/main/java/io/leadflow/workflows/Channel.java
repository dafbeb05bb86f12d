package io.leadflow.workflows;

public enum Channel {
  CALL,
  SMS,
  EMAIL
}
