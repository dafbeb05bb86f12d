package io.leadflow.activities.enrichment;

/** What a company-data vendor knows about a company; any field may be null. */
public record CompanyData(String name, String industry, Integer employees) {}
