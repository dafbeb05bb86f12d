package io.leadflow.api.capture;

import java.util.UUID;

/**
 * What a capture did: its own id (the receipt), the lead, its workflow, and whether the person
 * was already known. Kept whole for idempotent replays; {@link CaptureAnswer} decides what of it
 * the caller sees.
 */
public record CapturedLead(UUID captureId, UUID leadId, String workflowId, boolean joinedExisting) {}
