package io.leadflow.activities.enrichment;

import io.leadflow.workflows.EnrichedLead;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps what enrichment learned with the lead (table {@code lead_enrichment}), for people and reports. */
@Component
class EnrichmentRecords {

  private final JdbcClient jdbc;

  EnrichmentRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest enrichment wins; a lead that is not stored is skipped. */
  void save(EnrichedLead lead) {
    jdbc.sql(
            """
            insert into lead_enrichment (lead_id, company_domain, account_id, email_kind, e164, country, region,
                time_zones, role, seniority, student, job_seeker, company_name, industry, employees,
                vendor_failed, partial, notes, enriched_at)
            select :leadId, :domain, :accountId, :emailKind, :e164, :country, :region, :zones, :role, :seniority,
                   :student, :jobSeeker, :companyName, :industry, :employees, :vendorFailed, :partial, :notes, now()
            where exists (select 1 from lead where id = :leadId)
            on conflict (lead_id) do update set
                company_domain = excluded.company_domain, account_id = excluded.account_id,
                email_kind = excluded.email_kind, e164 = excluded.e164, country = excluded.country,
                region = excluded.region, time_zones = excluded.time_zones, role = excluded.role,
                seniority = excluded.seniority, student = excluded.student, job_seeker = excluded.job_seeker,
                company_name = excluded.company_name, industry = excluded.industry, employees = excluded.employees,
                vendor_failed = excluded.vendor_failed, partial = excluded.partial, notes = excluded.notes,
                enriched_at = excluded.enriched_at
            """)
        .param("leadId", UUID.fromString(lead.leadId()))
        .param("domain", lead.companyDomain())
        .param("accountId", lead.accountId())
        .param("emailKind", lead.emailKind() == null ? null : lead.emailKind().name())
        .param("e164", lead.e164())
        .param("country", lead.country())
        .param("region", lead.region())
        .param("zones", lead.timeZones().toArray(String[]::new))
        .param("role", lead.role())
        .param("seniority", lead.seniority() == null ? null : lead.seniority().name())
        .param("student", lead.student())
        .param("jobSeeker", lead.jobSeeker())
        .param("companyName", lead.companyName())
        .param("industry", lead.industry())
        .param("employees", lead.employees())
        .param("vendorFailed", lead.vendorFailed())
        .param("partial", lead.partial())
        .param("notes", lead.notes().toArray(String[]::new))
        .update();
  }
}
