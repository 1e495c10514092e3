package dev.dialtone.auth;

import dev.dialtone.account.Account;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.ErrorCode;
import dev.dialtone.store.Database;
import dev.dialtone.token.TokenStore;
import dev.dialtone.user.User;
import dev.dialtone.user.UserStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the {@code Authorization} header the three ways Zendesk does (docs/api.md): Basic {@code
 * email/token:API_TOKEN}, Basic {@code email:password}, and {@code Bearer OAUTH_TOKEN}.
 */
public final class Authenticator {
  private static final String TOKEN_SUFFIX = "/token";

  private final Database database;
  private final UserStore users;
  private final TokenStore tokens;
  private final Clock clock;
  private final SignInThrottle throttle;

  public Authenticator(
      Database database, UserStore users, TokenStore tokens, Clock clock, SignInThrottle throttle) {
    this.database = database;
    this.users = users;
    this.tokens = tokens;
    this.clock = clock;
    this.throttle = throttle;
  }

  /**
   * The principal the header proves, or a 401 or 403 exactly as Zendesk answers. A source that has
   * presented too many wrong credentials lately gets 429 with {@code Retry-After} instead, before
   * its credentials are even looked at.
   */
  public Principal authenticate(
      Account account, String authorization, Access access, String source) {
    throttle
        .blockedFor(source)
        .ifPresent(
            wait -> {
              throw ApiException.retryLater(
                  ErrorCode.TOO_MANY_REQUESTS,
                  "Too many failed sign-ins from your address; try again later",
                  wait);
            });
    User user;
    try {
      user = identify(account, authorization);
    } catch (ApiException e) {
      if (authorization != null) {
        throttle.failed(source);
      }
      throw e;
    }
    if (user.suspended()) {
      throw ApiException.forbidden();
    }
    boolean allowed =
        switch (access) {
          case PUBLIC, USER -> true;
          case AGENT -> user.role().isStaff();
          case ADMIN -> user.role() == dev.dialtone.user.Role.ADMIN;
        };
    if (!allowed) {
      throw ApiException.forbidden();
    }
    return new Principal(account, user);
  }

  private User identify(Account account, String authorization) {
    if (authorization == null) {
      throw ApiException.couldNotAuthenticate();
    }
    String header = authorization.strip();
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    String credentials = space < 0 ? "" : header.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return bearer(account, credentials).orElseThrow(ApiException::invalidToken);
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      return basic(account, credentials).orElseThrow(ApiException::couldNotAuthenticate);
    }
    throw ApiException.couldNotAuthenticate();
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

  private Optional<User> basic(Account account, String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String name = decoded.substring(0, colon);
    String secret = decoded.substring(colon + 1);
    if (name.endsWith(TOKEN_SUFFIX)) {
      String email = name.substring(0, name.length() - TOKEN_SUFFIX.length());
      return database.read(
          tx ->
              tokens.isActiveApiToken(tx, account.id(), secret)
                  ? users.findByEmail(tx, account.id(), email)
                  : Optional.empty());
    }
    record Candidate(Optional<User> user, String hash) {}
    Candidate candidate =
        database.read(
            tx -> {
              Optional<User> user = users.findByEmail(tx, account.id(), name);
              String hash = user.flatMap(u -> users.passwordHash(tx, u.id())).orElse(null);
              return new Candidate(user, hash);
            });
    // The hash check runs outside the transaction: it is slow on purpose.
    return Secrets.passwordMatches(secret, candidate.hash()) ? candidate.user() : Optional.empty();
  }
}
