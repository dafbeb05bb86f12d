package io.leadflow.workflows;

/**
 * The workflow's argument. A fresh lead carries no state; a run continued-as-new into nurture
 * carries the previous run's state so nothing (opt-outs, dedupe ids, score) is forgotten. A lead
 * re-opened after it was closed starts at {@code firstRound} (0 or 1: the first), so its touches
 * and rep notices get keys of their own instead of finding the closed run's.
 */
public record LeadInput(NewLead lead, LeadState carried, int firstRound) {

  public LeadInput(NewLead lead, LeadState carried) {
    this(lead, carried, 0);
  }

  public static LeadInput of(NewLead lead) {
    return new LeadInput(lead, null);
  }

  public static LeadInput reopened(NewLead lead, int firstRound) {
    return new LeadInput(lead, null, firstRound);
  }
}
