package io.leadflow.activities;

import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import java.time.Instant;

/** Test helper: a lead in the store, as the API would have captured it. */
public final class StoredLeads {

  private StoredLeads() {}

  public static Lead save(LeadRepository leads, String phone) {
    return leads.save(
        Lead.received("Sarah Kim", "sarah@acme.test", phone, "web", "demo", Instant.now()));
  }
}
