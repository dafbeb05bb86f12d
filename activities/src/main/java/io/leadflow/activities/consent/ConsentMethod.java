package io.leadflow.activities.consent;

/** How a person gave their consent. */
public enum ConsentMethod {
  /** Ticked an unticked box next to the consent text on a form. */
  CHECKBOX,
  /** Said yes on a recorded call. */
  VERBAL,
  /** Signed or wrote it (a paper form, an email). */
  WRITTEN,
  /** Texted an opt-in keyword such as START. */
  KEYWORD,
  /** A source configured to vouch for the consent of the people it sends (a partner feed). */
  VOUCHED,
  /** Called or texted the team's number first (Twilio's signed webhook): the call or text is the evidence. */
  INBOUND
}
