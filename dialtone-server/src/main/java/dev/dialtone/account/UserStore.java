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
          + " password_hash IS NOT NULL AS has_password, created_at, updated_at";

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
    return tx.update(
            "UPDATE users SET password_hash = ?, updated_at = ? WHERE account_id = ? AND id = ?",
            hash,
            now,
            accountId,
            userId)
        == 1;
  }

  /** Suspends or reactivates the user; false when the account has no such user. */
  public boolean setSuspended(Tx tx, long accountId, long userId, boolean suspended, Instant now) {
    return tx.update(
            "UPDATE users SET suspended = ?, updated_at = ? WHERE account_id = ? AND id = ?",
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
        now,
        now);
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
        row.instant("created_at"),
        row.instant("updated_at"));
  }
}
