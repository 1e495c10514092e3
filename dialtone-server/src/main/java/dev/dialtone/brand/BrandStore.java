package dev.dialtone.brand;

import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** SQL for brands. */
public final class BrandStore {
  private static final String COLUMNS = "id, account_id, name, subdomain, created_at, updated_at";

  /** The account's brands in id order, after an id (0 for the first page). */
  public List<Brand> listAfter(Tx tx, long accountId, long afterId, int limit) {
    return tx.list(
        "SELECT " + COLUMNS + " FROM brands WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?",
        BrandStore::map,
        accountId,
        afterId,
        limit);
  }

  /** The account's brands in reverse id order, before an id. */
  public List<Brand> listBefore(Tx tx, long accountId, long beforeId, int limit) {
    return tx.list(
        "SELECT "
            + COLUMNS
            + " FROM brands WHERE account_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
        BrandStore::map,
        accountId,
        beforeId,
        limit);
  }

  /** The account's brands in id order, from a position. */
  public List<Brand> page(Tx tx, long accountId, long offset, int limit) {
    return tx.list(
        "SELECT " + COLUMNS + " FROM brands WHERE account_id = ? ORDER BY id LIMIT ? OFFSET ?",
        BrandStore::map,
        accountId,
        limit,
        offset);
  }

  public long count(Tx tx, long accountId) {
    return tx.count("SELECT count(*) AS n FROM brands WHERE account_id = ?", accountId);
  }

  public Optional<Brand> find(Tx tx, long accountId, long id) {
    return tx.first(
        "SELECT " + COLUMNS + " FROM brands WHERE account_id = ? AND id = ?",
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
