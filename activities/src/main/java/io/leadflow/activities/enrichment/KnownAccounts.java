package io.leadflow.activities.enrichment;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lead-to-account matching: the account owning the email's domain or, failing that, a parent
 * domain (eu.acme.com belongs to the account of acme.com).
 */
@Component
class KnownAccounts {

  private final JdbcClient jdbc;

  KnownAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<KnownAccount> byDomain(String domain) {
    if (domain == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select a.id, a.name, a.industry, a.employees
            from account_domain d join account a on a.id = d.account_id
            where d.domain = any(:candidates)
            order by length(d.domain) desc
            limit 1
            """)
        .param("candidates", EmailDomains.withParents(domain).toArray(String[]::new))
        .query((rs, row) -> new KnownAccount(rs.getString("id"), rs.getString("name"), rs.getString("industry"), (Integer) rs.getObject("employees")))
        .optional();
  }
}
