package io.leadflow.api.leads;

import java.time.Instant;

/** One line of a lead's story: "09:19 · Ack SLA · 5m ran out". */
record TimelineEvent(Instant at, String what) {}
