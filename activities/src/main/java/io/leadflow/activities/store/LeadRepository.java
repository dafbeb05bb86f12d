package io.leadflow.activities.store;

import io.leadflow.workflows.LeadStatus;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface LeadRepository extends ListCrudRepository<Lead, UUID> {

  @Modifying
  @Query("update lead set status = :status, updated_at = now() where id = :id")
  int updateStatus(UUID id, LeadStatus status);
}
