package io.leadflow.activities.crm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code leadflow.crm.provider}: the team's CRM; {@code none} (the default) keeps PostgreSQL the only record. */
@ConfigurationProperties("leadflow.crm")
public record CrmProperties(Provider provider) {

  public enum Provider { NONE, HUBSPOT, SALESFORCE }

  public CrmProperties {
    provider = provider == null ? Provider.NONE : provider;
  }

  public boolean configured() {
    return provider != Provider.NONE;
  }
}
