package io.leadflow.workflows;

/**
 * The workflow's argument. A fresh lead carries no state; a run continued-as-new into nurture
 * carries the previous run's state so nothing (opt-outs, dedupe ids, score) is forgotten.
 */
public record LeadInput(NewLead lead, LeadState carried) {

  public static LeadInput of(NewLead lead) {
    return new LeadInput(lead, null);
  }
}
