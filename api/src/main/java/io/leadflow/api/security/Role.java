package io.leadflow.api.security;

/**
 * What an API key may do. INGEST only captures; a REP sees only their own leads, a MANAGER only
 * their team's, an ADMIN every lead.
 */
public enum Role {
  INGEST,
  REP,
  MANAGER,
  ADMIN
}
