package dev.dialtone.organization;

import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** SQL for organizations. */
public final class OrganizationStore {
  private static final String COLUMNS = "id, account_id, name, external_id, created_at, updated_at";

  /** The account's organizations in id order, after an id (0 for the first page). */
  public List<Organization> listAfter(Tx tx, long accountId, long afterId, int limit) {
    return tx.list(
        "SELECT "
            + COLUMNS
            + " FROM organizations WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?",
        OrganizationStore::map,
        accountId,
        afterId,
        limit);
  }

  /** The account's organizations in reverse id order, before an id. */
  public List<Organization> listBefore(Tx tx, long accountId, long beforeId, int limit) {
    return tx.list(
        "SELECT "
            + COLUMNS
            + " FROM organizations WHERE account_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
        OrganizationStore::map,
        accountId,
        beforeId,
        limit);
  }

  /** The account's organizations in id order, from a position. */
  public List<Organization> page(Tx tx, long accountId, long offset, int limit) {
    return tx.list(
        "SELECT "
            + COLUMNS
            + " FROM organizations WHERE account_id = ? ORDER BY id LIMIT ? OFFSET ?",
        OrganizationStore::map,
        accountId,
        limit,
        offset);
  }

  public long count(Tx tx, long accountId) {
    return tx.count("SELECT count(*) AS n FROM organizations WHERE account_id = ?", accountId);
  }

  public Optional<Organization> find(Tx tx, long accountId, long id) {
    return tx.first(
        "SELECT " + COLUMNS + " FROM organizations WHERE account_id = ? AND id = ?",
        OrganizationStore::map,
        accountId,
        id);
  }

  /**
   * Deletes the organization; false when the account has none such. As in Zendesk its users and
   * tickets stay, with no organization.
   */
  public boolean delete(Tx tx, long accountId, long id) {
    if (find(tx, accountId, id).isEmpty()) {
      return false;
    }
    tx.update(
        "UPDATE users SET organization_id = NULL WHERE account_id = ? AND organization_id = ?",
        accountId,
        id);
    tx.update(
        "UPDATE tickets SET organization_id = NULL WHERE account_id = ? AND organization_id = ?",
        accountId,
        id);
    return tx.update("DELETE FROM organizations WHERE account_id = ? AND id = ?", accountId, id)
        == 1;
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

  /** Stores the organization's new name and external id, as of {@code now}. */
  public Organization update(
      Tx tx, Organization organization, String name, @Nullable String externalId, Instant now) {
    tx.update(
        "UPDATE organizations SET name = ?, external_id = ?, updated_at = ?"
            + " WHERE account_id = ? AND id = ?",
        name,
        externalId,
        now,
        organization.accountId(),
        organization.id());
    return new Organization(
        organization.id(),
        organization.accountId(),
        name,
        externalId,
        organization.createdAt(),
        now);
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
