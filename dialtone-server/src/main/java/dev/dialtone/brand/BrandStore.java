package dev.dialtone.brand;

import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** SQL for brands. */
public final class BrandStore {
  public Optional<Brand> find(Tx tx, long accountId, long id) {
    return tx.first(
        "SELECT id, account_id, name, subdomain, created_at, updated_at FROM brands"
            + " WHERE account_id = ? AND id = ?",
        BrandStore::map,
        accountId,
        id);
  }

  public Brand insert(Tx tx, long accountId, String name, @Nullable String subdomain, Instant now) {
    long id =
        tx.insert(
            "INSERT INTO brands (account_id, name, subdomain, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING id",
            accountId,
            name,
            subdomain,
            now,
            now);
    return new Brand(id, accountId, name, subdomain, now, now);
  }

  private static Brand map(Row row) {
    return new Brand(
        row.getLong("id"),
        row.getLong("account_id"),
        row.string("name"),
        row.string("subdomain"),
        row.instant("created_at"),
        row.instant("updated_at"));
  }
}
