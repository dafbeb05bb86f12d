package io.leadflow.workflows;

import java.time.Instant;

public record AckResult(String repId, Instant acknowledgedAt) {}
