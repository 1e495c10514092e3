package dev.dialtone.account;

import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** SQL for accounts. */
public final class AccountStore {
  private static final String COLUMNS =
      "id, subdomain, name, default_brand_id, tpe_comments_public, created_at, rate_limit_support,"
          + " rate_limit_talk";

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
    return new Account(id, subdomain, name, null, false, now, null, null);
  }

  public void setDefaultBrand(Tx tx, long accountId, long brandId) {
    tx.identityChanged(accountId);
    tx.update("UPDATE accounts SET default_brand_id = ? WHERE id = ?", brandId, accountId);
  }

  /**
   * Sets the account's own rate limits; null returns a bucket to the server's setting. Returns
   * whether the account exists.
   */
  public boolean setRateLimits(
      Tx tx, long accountId, @Nullable Integer support, @Nullable Integer talk) {
    tx.identityChanged(accountId);
    return tx.update(
            "UPDATE accounts SET rate_limit_support = ?, rate_limit_talk = ? WHERE id = ?",
            support,
            talk,
            accountId)
        == 1;
  }

  private static Account map(Row row) {
    return new Account(
        row.getLong("id"),
        row.string("subdomain"),
        row.string("name"),
        row.longOrNull("default_brand_id"),
        Boolean.TRUE.equals(row.bool("tpe_comments_public")),
        row.instant("created_at"),
        intOrNull(row, "rate_limit_support"),
        intOrNull(row, "rate_limit_talk"));
  }

  private static @Nullable Integer intOrNull(Row row, String column) {
    Long value = row.longOrNull(column);
    return value == null ? null : Math.toIntExact(value);
  }
}
