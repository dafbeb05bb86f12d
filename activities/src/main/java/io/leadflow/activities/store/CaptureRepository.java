package io.leadflow.activities.store;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface CaptureRepository extends ListCrudRepository<CaptureRecord, Long> {

  List<CaptureRecord> findByLeadIdOrderByIdAsc(UUID leadId);
}
