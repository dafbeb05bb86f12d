package io.leadflow.api.reports;

/**
 * Which of a lead's captures the funnel credits: {@code FIRST}, the capture that made the lead;
 * {@code LAST}, its latest capture at or before its first meeting was booked or, with no meeting
 * booked, its latest capture when the report runs (so a capture after the meeting takes no credit
 * for it). A lead stored without captures counts under its own source, with no campaign.
 */
enum Attribution {
  FIRST,
  LAST
}
