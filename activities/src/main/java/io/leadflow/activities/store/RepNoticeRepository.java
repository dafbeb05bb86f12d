package io.leadflow.activities.store;

import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Rep notices, one per business key. Rows are written and counted, never read back as entities. */
public interface RepNoticeRepository extends Repository<TouchRecord, Long> {

  /** 1 when this notice is new and must be delivered; 0 when an earlier attempt claimed it. */
  @Modifying
  @Query(
      """
      insert into rep_notice (lead_id, business_key, rep_id, kind)
      values (:leadId, :businessKey, :repId, :kind)
      on conflict (business_key) do nothing
      """)
  int claim(UUID leadId, String businessKey, String repId, String kind);

  @Query("select count(*) from rep_notice where lead_id = :leadId")
  int countForLead(UUID leadId);
}
