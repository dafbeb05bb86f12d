package io.leadflow.workflows;

/** What an email address says about its owner, from its domain. */
public enum EmailKind {
  /** A company's own domain. */
  BUSINESS,
  /** Anyone can sign up for it (gmail.com, outlook.com, ...): no company behind it. */
  FREE_MAIL,
  /** A throw-away inbox (mailinator.com, ...). */
  DISPOSABLE,
  /** A school or university (.edu, .ac.uk, ...). */
  STUDENT
}
