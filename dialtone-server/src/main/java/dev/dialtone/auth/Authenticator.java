package dev.dialtone.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.dialtone.account.Account;
import dev.dialtone.account.AccountResolver;
import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.api.ErrorCode;
import dev.dialtone.http.ApiException;
import dev.dialtone.store.Database;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code Authorization} header the three ways Zendesk does (docs/api.md): Basic {@code
 * email/token:API_TOKEN}, Basic {@code email:password}, and {@code Bearer OAUTH_TOKEN}.
 *
 * <p>An API token or OAuth token that signed a user in is kept in memory, by the digest of its
 * secret, so that a client sending it on every request is not looked up every time: any change to
 * the account's users or tokens drops the account's entries at once on this node ({@link #forget})
 * and on the others over the event bus, and an entry lives at most {@link AccountResolver#KEPT}
 * should a notice be lost. Failed credentials and passwords are never kept (a password's check is
 * slow on purpose, and must stay so).
 */
public final class Authenticator {
  private static final String TOKEN_SUFFIX = "/token";

  /** Password hashes checked at once: one per processor, the most that can run in parallel. */
  static final int PASSWORD_CHECKS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private static final Duration BUSY_WAIT = Duration.ofSeconds(1);

  private final Database database;
  private final UserStore users;
  private final TokenStore tokens;
  private final Clock clock;
  private final SignInThrottle throttle;
  private final Semaphore passwordChecks;
  private final Cache<Signed, User> signedIn =
      Caffeine.newBuilder().maximumSize(MOST_KEPT).expireAfterWrite(AccountResolver.KEPT).build();

  /** Counts {@link #forget} calls, so a user read before a change is not kept after its notice. */
  private final AtomicLong changes = new AtomicLong();

  private static final int MOST_KEPT = 10_000;

  /** Credentials that signed a user in: the secret only as its digest. */
  private record Signed(long accountId, String scheme, String name, String digest) {}

  public Authenticator(
      Database database, UserStore users, TokenStore tokens, Clock clock, SignInThrottle throttle) {
    this.database = database;
    this.users = users;
    this.tokens = tokens;
    this.clock = clock;
    this.throttle = throttle;
    this.passwordChecks = new Semaphore(PASSWORD_CHECKS);
  }

  /**
   * The principal the header proves, or a 401 (or 403 for a suspended user) exactly as Zendesk
   * answers; whether the principal may use a route is {@link Access#allows}. A source that has
   * presented too many wrong credentials for one user lately gets 429 with {@code Retry-After}
   * instead, before its credentials are even looked at; so does a password sign-in while every
   * password check slot is busy.
   */
  public Principal authenticate(Account account, String authorization, String source) {
    if (authorization == null) {
      throw ApiException.couldNotAuthenticate();
    }
    return authenticate(account, Credentials.parse(authorization), source);
  }

  /**
   * The agent console's sign-in form: an email and a password, throttled and checked exactly as the
   * same pair sent in an {@code Authorization} header is.
   */
  public Principal signIn(Account account, String email, String password, String source) {
    return authenticate(account, new Credentials("password", email, password), source);
  }

  private Principal authenticate(Account account, Credentials credentials, String source) {
    // Keyed by target as well as source, so that failures aimed at one user never lock out
    // another user's right credentials from the same address (a NAT, a proxy).
    // The target is the caller's text, up to a header's length: a fixed-size digest keeps each
    // entry small whatever is sent (two targets sharing a digest only share an allowance).
    String key = source + " " + account.id() + " " + credentials.target().hashCode();
    throttle
        .reserve(key)
        .ifPresent(
            wait -> {
              throw ApiException.retryLater(
                  ErrorCode.TOO_MANY_REQUESTS,
                  "Too many failed sign-ins from your address; try again later",
                  wait);
            });
    User user;
    try {
      user = identify(account, credentials);
    } catch (PasswordChecksBusy e) {
      throttle.release(key);
      throw ApiException.retryLater(
          ErrorCode.TOO_MANY_REQUESTS, "Too many sign-ins at once; try again shortly", BUSY_WAIT);
    }
    throttle.release(key);
    if (user.suspended()) {
      throw ApiException.forbidden();
    }
    return new Principal(account, user);
  }

  /** The header taken apart, before anything is looked up. */
  private record Credentials(String scheme, String name, String secret) {
    static Credentials parse(String authorization) {
      String header = authorization.strip();
      int space = header.indexOf(' ');
      String scheme = space < 0 ? header : header.substring(0, space);
      String rest = space < 0 ? "" : header.substring(space + 1).strip();
      if (scheme.equalsIgnoreCase("Bearer")) {
        return new Credentials("bearer", "", rest);
      }
      if (!scheme.equalsIgnoreCase("Basic")) {
        return new Credentials("", "", "");
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return new Credentials("", "", "");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return new Credentials("", "", "");
      }
      String name = decoded.substring(0, colon);
      String secret = decoded.substring(colon + 1);
      if (name.endsWith(TOKEN_SUFFIX)) {
        return new Credentials(
            "token", name.substring(0, name.length() - TOKEN_SUFFIX.length()), secret);
      }
      return new Credentials("password", name, secret);
    }

    /** Whom the credentials aim at, for the throttle: the user's email, or the bearer scheme. */
    String target() {
      return scheme + ":" + name.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Drops what this node keeps of the account's signed-in credentials: its users or tokens changed.
   */
  public void forget(long accountId) {
    changes.incrementAndGet();
    signedIn.asMap().keySet().removeIf(signed -> signed.accountId() == accountId);
  }

  private User identify(Account account, Credentials credentials) {
    if (credentials.scheme().equals("password")) {
      return password(account, credentials.name(), credentials.secret())
          .orElseThrow(ApiException::couldNotAuthenticate);
    }
    Signed signed =
        new Signed(
            account.id(),
            credentials.scheme(),
            credentials.name(), // as sent: the database, not Java, decides which cases match
            Secrets.digest(credentials.secret()));
    User kept = signedIn.getIfPresent(signed);
    if (kept != null) {
      return kept;
    }
    long before = changes.get();
    User user = lookUp(account, credentials);
    if (!user.suspended() && changes.get() == before) {
      signedIn.put(signed, user);
    }
    return user;
  }

  private User lookUp(Account account, Credentials credentials) {
    return switch (credentials.scheme()) {
      case "bearer" ->
          bearer(account, credentials.secret()).orElseThrow(ApiException::invalidToken);
      case "token" ->
          apiToken(account, credentials.name(), credentials.secret())
              .orElseThrow(ApiException::couldNotAuthenticate);
      default -> throw ApiException.couldNotAuthenticate();
    };
  }

  private Optional<User> bearer(Account account, String token) {
    if (token.isEmpty()) {
      return Optional.empty();
    }
    return database.read(
        tx ->
            tokens
                .oauthTokenUser(tx, account.id(), token, clock.instant())
                .flatMap(userId -> users.find(tx, account.id(), userId)));
  }

  private Optional<User> apiToken(Account account, String email, String token) {
    return database.read(
        tx ->
            tokens.isActiveApiToken(tx, account.id(), token)
                ? users.findByEmail(tx, account.id(), email)
                : Optional.empty());
  }

  private Optional<User> password(Account account, String email, String password) {
    record Candidate(Optional<User> user, @Nullable String hash) {}
    Candidate candidate =
        database.read(
            tx -> {
              Optional<User> user = users.findByEmail(tx, account.id(), email);
              String hash = user.flatMap(u -> users.passwordHash(tx, u.id())).orElse(null);
              return new Candidate(user, hash);
            });
    // The hash check runs outside the transaction: it is slow on purpose. Each one holds about
    // 19 MiB, so only a few run at once and the rest are refused at once rather than queued.
    if (!passwordChecks.tryAcquire()) {
      throw new PasswordChecksBusy();
    }
    try {
      return Secrets.passwordMatches(password, candidate.hash())
          ? candidate.user()
          : Optional.empty();
    } finally {
      passwordChecks.release();
    }
  }

  /** Every password check slot is taken. */
  private static final class PasswordChecksBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PasswordChecksBusy() {
      super(null, null, false, false);
    }
  }
}
