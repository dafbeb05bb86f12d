package io.leadflow.activities.routing;

/** The stage of the routing tree that decided. */
enum Stage {
  ACCOUNT_OWNER,
  ROUND_ROBIN,
  FALLBACK
}
