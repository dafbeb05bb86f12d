package io.leadflow.workflows;

import java.time.Duration;

/**
 * What a routed lead of one tier asks of its rep: acknowledge within {@code ackSla}, and, with
 * {@code callAlert}, get a "call now" alert instead of the ordinary new-lead notice.
 */
public record TierAction(Duration ackSla, boolean callAlert) {}
