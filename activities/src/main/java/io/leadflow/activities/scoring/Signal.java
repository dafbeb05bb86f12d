package io.leadflow.activities.scoring;

/** What a scoring rule looks at, and how it compares. */
public enum Signal {
  /** The stated interest ("Book a demo"); matched by "contains". */
  INTEREST(Kind.TEXT),
  /** The stated timeline, and the interest ("asap", "this quarter"); matched by "contains". */
  TIMELINE(Kind.TEXT),
  /** The job title as given ("VP of Marketing"); matched by "contains". */
  TITLE(Kind.TEXT),
  /** The company's industry (account, vendor); matched by "contains". */
  INDUSTRY(Kind.TEXT),
  /** Where the lead came from ("web", "referral"). */
  SOURCE(Kind.CHOICE),
  /** ISO country of the phone, else the one the form stated ("DE"). */
  COUNTRY(Kind.CHOICE),
  /** Country and state of the phone ("US-CA"). */
  REGION(Kind.CHOICE),
  /** The email's kind: BUSINESS, FREE_MAIL, DISPOSABLE, STUDENT. */
  EMAIL(Kind.CHOICE),
  /** The email's domain (the website's when the email is not a business one); a listed domain covers its subdomains. */
  DOMAIN(Kind.CHOICE),
  /** A custom attribute the captures brought, named by the rule's {@code attribute} ("budget"); matched exactly, "*" is any value. */
  ATTRIBUTE(Kind.CHOICE),
  /** Seniority from the title: C_LEVEL, VP, DIRECTOR, MANAGER, INDIVIDUAL, ENTRY. */
  SENIORITY(Kind.CHOICE),
  /** Role from the title ("marketing", "engineering", ...). */
  ROLE(Kind.CHOICE),
  /** Each engagement event's type ("pricing-page-visit"); each event scores (at most 3 per rule: ScoringEngine). */
  ENGAGEMENT(Kind.CHOICE),
  /** Company size in employees; matched by min/max. */
  EMPLOYEES(Kind.NUMBER),
  /** A phone number was given. */
  PHONE(Kind.FLAG),
  /** The lead came from a call to one of the team's numbers that nobody answered (set only by Twilio's signed webhook). */
  MISSED_CALL(Kind.FLAG),
  /** A school address or a student's title. */
  STUDENT(Kind.FLAG),
  /** The title or interest says the lead is looking for a job. */
  JOB_SEEKER(Kind.FLAG);

  /** TEXT and CHOICE rules list values ({@code any} or {@code none}); NUMBER rules a range; FLAG rules nothing. */
  public enum Kind {
    TEXT,
    CHOICE,
    NUMBER,
    FLAG
  }

  private final Kind kind;

  Signal(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
