package io.leadflow.workflows;

/** Where a lead or a touch lives in the CRM: {@code hubspot}/{@code salesforce} and the CRM's id. */
public record CrmRecord(String provider, String id) {}
