package io.leadflow.activities;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.DuplicateKeyException;

/** Test helper: a lead in the store, as the API would have captured it (a unique person each time). */
public final class StoredLeads {

  private StoredLeads() {}

  /**
   * A new person each time: unique email, and a unique phone when asked for one (a number an
   * earlier run of the shared test database already holds is drawn again).
   */
  public static Lead save(LeadRepository leads, boolean withPhone) {
    for (int attempt = 1; ; attempt++) {
      String phone = withPhone ? "+1212" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000) : null;
      try {
        return save(leads, "sarah+" + UUID.randomUUID() + "@acme.test", phone);
      } catch (DuplicateKeyException taken) {
        if (attempt == 5) {
          throw taken;
        }
      }
    }
  }

  public static Lead save(LeadRepository leads, String email, String phone) {
    return leads.save(
        Lead.received(
            "Sarah Kim", email, phone, "web", "demo", ContactKeys.of(email, phone), Instant.now()));
  }
}
