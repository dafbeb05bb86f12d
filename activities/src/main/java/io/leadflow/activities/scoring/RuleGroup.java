package io.leadflow.activities.scoring;

/** The families of scoring rules. Behavioural points (intent, engagement, urgency) decay with time. */
public enum RuleGroup {
  /** Who the lead is: industry, company size, seniority, geography, contact quality. */
  FIT(false),
  /** What they asked for: demo or quote request > contact form > content download. */
  INTENT(true),
  /** What they did since: returning visits, prior interactions. */
  ENGAGEMENT(true),
  /** When they want to start: the stated timeline. */
  URGENCY(true),
  /** Where the lead came from: referral, partner, purchased list, ... */
  SOURCE(false),
  /** Reasons to look elsewhere: competitor, student, job seeker, outside the service area, free-mail. */
  NEGATIVE(false);

  private final boolean behavioural;

  RuleGroup(boolean behavioural) {
    this.behavioural = behavioural;
  }

  public boolean behavioural() {
    return behavioural;
  }
}
