package dev.dialtone.account;

import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.Optional;

/** SQL for accounts. */
public final class AccountStore {
  private static final String COLUMNS =
      "id, subdomain, name, default_brand_id, tpe_comments_public, created_at";

  public Optional<Account> findBySubdomain(Tx tx, String subdomain) {
    return tx.first(
        "SELECT " + COLUMNS + " FROM accounts WHERE subdomain = ?", AccountStore::map, subdomain);
  }

  public Account insert(Tx tx, String subdomain, String name, Instant now) {
    long id =
        tx.insert(
            "INSERT INTO accounts (subdomain, name, created_at) VALUES (?, ?, ?) RETURNING id",
            subdomain,
            name,
            now);
    return new Account(id, subdomain, name, null, false, now);
  }

  public void setDefaultBrand(Tx tx, long accountId, long brandId) {
    tx.update("UPDATE accounts SET default_brand_id = ? WHERE id = ?", brandId, accountId);
  }

  private static Account map(Row row) {
    return new Account(
        row.getLong("id"),
        row.string("subdomain"),
        row.string("name"),
        row.longOrNull("default_brand_id"),
        Boolean.TRUE.equals(row.bool("tpe_comments_public")),
        row.instant("created_at"));
  }
}
