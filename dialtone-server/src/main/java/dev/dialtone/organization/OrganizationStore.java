package dev.dialtone.organization;

import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** SQL for organizations. */
public final class OrganizationStore {
  private static final String COLUMNS = "id, account_id, name, external_id, created_at, updated_at";

  public Optional<Organization> find(Tx tx, long accountId, long id) {
    return tx.first(
        "SELECT " + COLUMNS + " FROM organizations WHERE account_id = ? AND id = ?",
        OrganizationStore::map,
        accountId,
        id);
  }

  /** The organization of this name, ignoring case: Zendesk's names are unique that way. */
  public Optional<Organization> findByName(Tx tx, long accountId, String name) {
    return tx.first(
        "SELECT " + COLUMNS + " FROM organizations WHERE account_id = ? AND lower(name) = lower(?)",
        OrganizationStore::map,
        accountId,
        name);
  }

  public Organization insert(
      Tx tx, long accountId, String name, @Nullable String externalId, Instant now) {
    long id =
        tx.insert(
            "INSERT INTO organizations (account_id, name, external_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING id",
            accountId,
            name,
            externalId,
            now,
            now);
    return new Organization(id, accountId, name, externalId, now, now);
  }

  private static Organization map(Row row) {
    return new Organization(
        row.getLong("id"),
        row.getLong("account_id"),
        row.string("name"),
        row.string("external_id"),
        row.instant("created_at"),
        row.instant("updated_at"));
  }
}
