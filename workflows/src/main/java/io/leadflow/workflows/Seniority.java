package io.leadflow.workflows;

/** How senior a job title is, most senior first. */
public enum Seniority {
  C_LEVEL,
  VP,
  DIRECTOR,
  MANAGER,
  INDIVIDUAL,
  ENTRY
}
