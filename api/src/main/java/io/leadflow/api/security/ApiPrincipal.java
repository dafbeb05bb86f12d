package io.leadflow.api.security;

/** Who is calling: the API key's id and name, its role, and for reps their rep id. */
public record ApiPrincipal(long keyId, String name, Role role, String repId) {

  /** Reps act only on leads assigned to them; everyone else who may read, reads all. */
  public boolean mayAccessLeadOf(String assignedRep) {
    return role != Role.REP || (repId != null && repId.equals(assignedRep));
  }
}
