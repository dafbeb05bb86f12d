package io.leadflow.workflows;

import java.time.Instant;

/** A step of the lead's life that failed for good (not retryable, or past its bound); the lead carried on. */
public record StepGaveUp(String step, String reason, Instant at) {}
