package dev.dialtone.account;

import dev.dialtone.phone.PhoneNumbers;
import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** SQL for users. Password hashes stay here: they never travel in a {@link User}. */
public final class UserStore {
  private static final String COLUMNS =
      "id, account_id, name, email, phone, role, organization_id, suspended,"
          + " password_hash IS NOT NULL AS has_password, deleted_at, created_at, updated_at";

  /** Users that are not deleted: the ones lists show. */
  private static final String ACTIVE = "deleted_at IS NULL";

  /** What a new user is made of. */
  public record NewUser(
      String name,
      @Nullable String email,
      @Nullable String phone,
      Role role,
      @Nullable Long organizationId,
      @Nullable String passwordHash) {}

  public Optional<User> find(Tx tx, long accountId, long id) {
    return tx.first(
        "SELECT " + COLUMNS + " FROM users WHERE account_id = ? AND id = ?",
        UserStore::map,
        accountId,
        id);
  }

  public Optional<User> findByEmail(Tx tx, long accountId, String email) {
    return tx.first(
        "SELECT " + COLUMNS + " FROM users WHERE account_id = ? AND lower(email) = lower(?)",
        UserStore::map,
        accountId,
        email);
  }

  /** The account's longest-standing admin who is not suspended. */
  public Optional<User> firstAdmin(Tx tx, long accountId) {
    return tx.first(
        "SELECT "
            + COLUMNS
            + " FROM users WHERE account_id = ? AND role = ? AND suspended = ? ORDER BY id LIMIT 1",
        UserStore::map,
        accountId,
        Role.ADMIN.wireName(),
        false);
  }

  /** The stored password hash of a user, if the user has a password. */
  public Optional<String> passwordHash(Tx tx, long userId) {
    // IS NOT NULL in SQL: a user without a password has no row here, rather than a null value.
    return tx.first(
        "SELECT password_hash FROM users WHERE id = ? AND password_hash IS NOT NULL",
        row -> row.string("password_hash"),
        userId);
  }

  /** Replaces the user's password hash; false when the account has no such user. */
  public boolean setPasswordHash(Tx tx, long accountId, long userId, String hash, Instant now) {
    tx.identityChanged(accountId);
    return tx.update(
            "UPDATE users SET password_hash = ?, updated_at = ? WHERE account_id = ? AND id = ?",
            hash,
            now,
            accountId,
            userId)
        == 1;
  }

  /**
   * Suspends or reactivates the user; false when the account has no such user, or only a deleted
   * one: a deleted user stays suspended.
   */
  public boolean setSuspended(Tx tx, long accountId, long userId, boolean suspended, Instant now) {
    tx.identityChanged(accountId);
    return tx.update(
            "UPDATE users SET suspended = ?, updated_at = ? WHERE account_id = ? AND id = ? AND "
                + ACTIVE,
            suspended,
            now,
            accountId,
            userId)
        == 1;
  }

  public User insert(Tx tx, long accountId, NewUser user, Instant now) {
    long id =
        tx.insert(
            """
            INSERT INTO users (account_id, name, email, phone, phone_digits, role, organization_id,
                               password_hash, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            accountId,
            user.name(),
            user.email(),
            user.phone(),
            PhoneNumbers.digits(user.phone()),
            user.role().wireName(),
            user.organizationId(),
            user.passwordHash(),
            now,
            now);
    return new User(
        id,
        accountId,
        user.name(),
        user.email(),
        user.phone(),
        user.role(),
        user.organizationId(),
        false,
        user.passwordHash() != null,
        true,
        now,
        now);
  }

  /** What an update changes: every value, as merged from the stored user and the input. */
  public record Changes(
      String name,
      @Nullable String email,
      @Nullable String phone,
      Role role,
      @Nullable Long organizationId) {}

  /** Replaces the user's details; false when the account has no such user. */
  public boolean update(Tx tx, long accountId, long userId, Changes changes, Instant now) {
    tx.identityChanged(accountId);
    return tx.update(
            """
            UPDATE users SET name = ?, email = ?, phone = ?, phone_digits = ?, role = ?,
                             organization_id = ?, updated_at = ?
            WHERE account_id = ? AND id = ?
            """,
            changes.name(),
            changes.email(),
            changes.phone(),
            PhoneNumbers.digits(changes.phone()),
            changes.role().wireName(),
            changes.organizationId(),
            now,
            accountId,
            userId)
        == 1;
  }

  /**
   * Deletes the user as Zendesk does: the row stays, so that tickets and calls still name it, but
   * suspended, without a password and out of every list; its API tokens and console sessions are
   * dropped. False when the account has no such user that is not already deleted.
   */
  public boolean markDeleted(Tx tx, long accountId, long userId, Instant now) {
    tx.identityChanged(accountId);
    boolean found =
        tx.update(
                "UPDATE users SET deleted_at = ?, suspended = ?, password_hash = NULL,"
                    + " updated_at = ? WHERE account_id = ? AND id = ? AND "
                    + ACTIVE,
                now,
                true,
                now,
                accountId,
                userId)
            == 1;
    if (found) {
      tx.update("DELETE FROM oauth_tokens WHERE account_id = ? AND user_id = ?", accountId, userId);
      tx.update(
          "DELETE FROM console_sessions WHERE account_id = ? AND user_id = ?", accountId, userId);
    }
    return found;
  }

  /** Users that are not deleted, of the given roles (all when empty), in id order after an id. */
  public List<User> listAfter(Tx tx, long accountId, List<Role> roles, long afterId, int limit) {
    List<Object> args = new ArrayList<>();
    String where = listWhere(accountId, roles, args);
    args.add(afterId);
    args.add(limit);
    return tx.list(
        "SELECT " + COLUMNS + " FROM users WHERE " + where + " AND id > ? ORDER BY id LIMIT ?",
        UserStore::map,
        args.toArray());
  }

  /** As {@link #listAfter}, in reverse id order before an id. */
  public List<User> listBefore(Tx tx, long accountId, List<Role> roles, long beforeId, int limit) {
    List<Object> args = new ArrayList<>();
    String where = listWhere(accountId, roles, args);
    args.add(beforeId);
    args.add(limit);
    return tx.list(
        "SELECT " + COLUMNS + " FROM users WHERE " + where + " AND id < ? ORDER BY id DESC LIMIT ?",
        UserStore::map,
        args.toArray());
  }

  /** As {@link #listAfter}, from a position. */
  public List<User> page(Tx tx, long accountId, List<Role> roles, int offset, int limit) {
    List<Object> args = new ArrayList<>();
    String where = listWhere(accountId, roles, args);
    args.add(limit);
    args.add(offset);
    return tx.list(
        "SELECT " + COLUMNS + " FROM users WHERE " + where + " ORDER BY id LIMIT ? OFFSET ?",
        UserStore::map,
        args.toArray());
  }

  public long countListed(Tx tx, long accountId, List<Role> roles) {
    List<Object> args = new ArrayList<>();
    String where = listWhere(accountId, roles, args);
    return tx.count("SELECT count(*) AS n FROM users WHERE " + where, args.toArray());
  }

  private static String listWhere(long accountId, List<Role> roles, List<Object> args) {
    args.add(accountId);
    String where = "account_id = ? AND " + ACTIVE;
    if (!roles.isEmpty()) {
      where += " AND role IN (" + String.join(", ", roles.stream().map(r -> "?").toList()) + ")";
      roles.forEach(role -> args.add(role.wireName()));
    }
    return where;
  }

  /** Users matching the filter, in id order, at most {@code limit}. */
  public List<User> search(Tx tx, long accountId, UserFilter filter, int limit) {
    if (filter.matchesNobody()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    String where = where(accountId, filter, args);
    args.add(limit);
    return tx.list(
        "SELECT " + COLUMNS + " FROM users WHERE " + where + " ORDER BY id LIMIT ?",
        UserStore::map,
        args.toArray());
  }

  /** How many users match the filter. */
  public long count(Tx tx, long accountId, UserFilter filter) {
    if (filter.matchesNobody()) {
      return 0;
    }
    List<Object> args = new ArrayList<>();
    String where = where(accountId, filter, args);
    return tx.count("SELECT count(*) AS n FROM users WHERE " + where, args.toArray());
  }

  private static String where(long accountId, UserFilter filter, List<Object> args) {
    List<String> clauses = new ArrayList<>();
    clauses.add("account_id = ?");
    args.add(accountId);
    if (filter.role() != null) {
      clauses.add("role = ?");
      args.add(filter.role().wireName());
    }
    if (filter.phoneDigits() != null) {
      if (filter.phoneEndsWith()) {
        clauses.add("phone_digits LIKE ?"); // digits only: nothing to escape
        args.add("%" + filter.phoneDigits());
      } else {
        clauses.add("phone_digits = ?");
        args.add(filter.phoneDigits());
      }
    }
    if (filter.email() != null) {
      clauses.add("lower(email) = lower(?)");
      args.add(filter.email());
    }
    if (filter.text() != null) {
      clauses.add("(lower(name) LIKE lower(?) ESCAPE '\\' OR lower(email) = lower(?))");
      args.add("%" + escapeLike(filter.text()) + "%");
      args.add(filter.text());
    }
    return String.join(" AND ", clauses);
  }

  /** So that {@code %} and {@code _} in a search are themselves, not wildcards. */
  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static User map(Row row) {
    return new User(
        row.getLong("id"),
        row.getLong("account_id"),
        row.string("name"),
        row.string("email"),
        row.string("phone"),
        Role.byWireName(row.string("role")).orElseThrow(),
        row.longOrNull("organization_id"),
        Boolean.TRUE.equals(row.bool("suspended")),
        Boolean.TRUE.equals(row.bool("has_password")),
        row.longOrNull("deleted_at") == null,
        row.instant("created_at"),
        row.instant("updated_at"));
  }
}
