package io.leadflow.api.leads;

import java.util.List;

/** One page of leads, newest first; {@code nextCursor} is null on the last page. */
record LeadPage(List<LeadSummary> items, String nextCursor) {}
