package dev.dialtone.auth;

import dev.dialtone.account.Account;
import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.store.Database;
import dev.dialtone.store.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The agent console's sessions, kept in the database so that any node serves any browser. A session
 * lasts {@link #IDLE} after the browser was last seen and never longer than {@link #LIFETIME};
 * signing out, or suspending the user, ends it at once on every node.
 */
public final class ConsoleSessions {
  /** How long a session lasts without a request. */
  public static final Duration IDLE = Duration.ofHours(12);

  /** How long a session lasts at most, however busy. */
  public static final Duration LIFETIME = Duration.ofDays(7);

  /**
   * How stale {@code seen_at} may get before a request writes it again: a page load that found its
   * session need not also write to the database, most of the time.
   */
  private static final Duration TOUCH_AFTER = Duration.ofMinutes(1);

  private final Database database;
  private final UserStore users;
  private final Clock clock;

  public ConsoleSessions(Database database, UserStore users, Clock clock) {
    this.database = database;
    this.users = users;
    this.clock = clock;
  }

  /** A new session and the token for its cookie. */
  public record Started(ConsoleSession session, String token) {}

  public Started start(Principal principal) {
    String token = Secrets.newToken();
    Instant now = clock.instant();
    ConsoleSession session =
        new ConsoleSession(
            Secrets.digest(token), principal, Secrets.newToken(), now, expiry(now, now));
    database.write(
        tx ->
            tx.update(
                "INSERT INTO console_sessions (id, account_id, user_id, csrf_token, created_at,"
                    + " seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                session.id(),
                principal.accountId(),
                principal.user().id(),
                session.csrfToken(),
                now,
                now,
                session.expiresAt()));
    return new Started(session, token);
  }

  /**
   * The live session the cookie's token names in this account, its user still active; empty for a
   * token that is unknown, expired, signed out or of another account.
   */
  public Optional<ConsoleSession> find(Account account, String token) {
    String id = Secrets.digest(token);
    Instant now = clock.instant();
    record Stored(long userId, String csrf, Instant createdAt, Instant seenAt, Instant expiresAt) {}
    record Found(Stored session, User user) {}
    // One read: the session and its user together.
    Optional<Found> found =
        database.read(
            tx ->
                tx.first(
                        "SELECT user_id, csrf_token, created_at, seen_at, expires_at"
                            + " FROM console_sessions WHERE id = ? AND account_id = ?",
                        (Row row) ->
                            new Stored(
                                row.getLong("user_id"),
                                row.string("csrf_token"),
                                row.instant("created_at"),
                                row.instant("seen_at"),
                                row.instant("expires_at")),
                        id,
                        account.id())
                    .filter(session -> now.isBefore(session.expiresAt()))
                    .flatMap(
                        session ->
                            users
                                .find(tx, account.id(), session.userId())
                                .filter(user -> user.role().isStaff() && !user.suspended())
                                .map(user -> new Found(session, user))));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Stored session = found.get().session();
    User user = found.get().user();
    Instant expiresAt = session.expiresAt();
    if (Duration.between(session.seenAt(), now).compareTo(TOUCH_AFTER) > 0) {
      expiresAt = expiry(session.createdAt(), now);
      Instant newExpiry = expiresAt;
      database.write(
          tx ->
              tx.update(
                  "UPDATE console_sessions SET seen_at = ?, expires_at = ? WHERE id = ?",
                  now,
                  newExpiry,
                  id));
    }
    return Optional.of(
        new ConsoleSession(id, new Principal(account, user), session.csrf(), now, expiresAt));
  }

  /** Ends the session on every node: its cookie signs nobody in any more. */
  public void end(ConsoleSession session) {
    Instant now = clock.instant();
    database.write(
        tx -> {
          tx.update("DELETE FROM console_sessions WHERE id = ?", session.id());
          // Expired sessions of anyone go with it: no sweeper thread needed for a table this small.
          return tx.update("DELETE FROM console_sessions WHERE expires_at <= ?", now);
        });
  }

  private static Instant expiry(Instant createdAt, Instant now) {
    Instant idle = now.plus(IDLE);
    Instant end = createdAt.plus(LIFETIME);
    return idle.isBefore(end) ? idle : end;
  }
}
