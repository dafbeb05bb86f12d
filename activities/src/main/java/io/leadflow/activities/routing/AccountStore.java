package io.leadflow.activities.routing;

import io.leadflow.activities.enrichment.EmailDomains;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Tables {@code account} and {@code account_domain}. */
@Component
public class AccountStore {

  private final JdbcClient jdbc;
  private final RowsWithKeys accounts;

  AccountStore(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.accounts = new RowsWithKeys(jdbc, transaction, "account", "account_domain", "account_id", "domain", "domains");
  }

  public List<Account> all() {
    return accounts.all("p.id", AccountStore::account);
  }

  public Optional<Account> find(String id) {
    return accounts.find(id, AccountStore::account);
  }

  /** "acme.com belongs to account globex", for each of {@code domains} another account has. */
  public List<String> domainsOfOthers(String id, List<String> domains) {
    return jdbc.sql("select domain, account_id from account_domain where domain = any(:domains) and account_id <> :id order by domain")
        .param("domains", Db.array(domains))
        .param("id", id)
        .query((rs, row) -> rs.getString("domain") + " belongs to account " + rs.getString("account_id"))
        .list();
  }

  /** True when the account is new. */
  public boolean save(Account account) {
    return accounts.save(
        account.id(),
        account.domains(),
        () ->
            jdbc.sql(
                    """
                    insert into account (id, name, owner_rep_id, industry, employees)
                    values (:id, :name, :owner, :industry, :employees)
                    on conflict (id) do update set
                        name = excluded.name, owner_rep_id = excluded.owner_rep_id, industry = excluded.industry,
                        employees = excluded.employees, updated_at = now()
                    returning (xmax = 0) as created
                    """)
                .param("id", account.id())
                .param("name", account.name().strip())
                .param("owner", account.ownerRepId())
                .param("industry", account.industry())
                .param("employees", account.employees())
                .query(Boolean.class)
                .single());
  }

  public boolean delete(String id) {
    return jdbc.sql("delete from account where id = :id").param("id", id).update() > 0;
  }

  /** The account the domain or its nearest parent domain belongs to, with that domain. */
  Optional<AccountOwner> ownerOf(String domain) {
    if (domain == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select a.name, d.domain, a.owner_rep_id
            from account_domain d join account a on a.id = d.account_id
            where d.domain = any(:candidates)
            order by length(d.domain) desc
            limit 1
            """)
        .param("candidates", EmailDomains.withParents(domain).toArray(String[]::new))
        .query((rs, row) -> new AccountOwner(rs.getString("name"), rs.getString("domain"), rs.getString("owner_rep_id")))
        .optional();
  }

  private static Account account(ResultSet rs, int row) throws SQLException {
    return new Account(
        rs.getString("id"),
        rs.getString("name"),
        Db.strings(rs.getArray("domains")),
        rs.getString("owner_rep_id"),
        rs.getString("industry"),
        (Integer) rs.getObject("employees"));
  }
}
