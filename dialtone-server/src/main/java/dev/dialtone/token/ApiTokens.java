package dev.dialtone.token;

import dev.dialtone.auth.ApiToken;
import dev.dialtone.auth.Secrets;
import dev.dialtone.auth.TokenStore;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputLimits;
import dev.dialtone.http.InputObject;
import dev.dialtone.store.Database;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The account's API tokens as the tokens API and the console's admin page both handle them: made
 * with a description, listed without their secrets, revoked.
 */
public final class ApiTokens {
  private final Database database;
  private final TokenStore tokens;
  private final Clock clock;

  public ApiTokens(Database database, TokenStore tokens, Clock clock) {
    this.database = database;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** A new token and its secret, which exists nowhere else: only its digest is kept. */
  public record Issued(ApiToken token, String secret) {}

  /** A new API token with the input's optional {@code description}. */
  public Issued issue(
      long accountId, InputObject input, FieldErrors errors, Consumer<Collection<String>> ignored) {
    String description = input.text("description", "Description", InputLimits.TEXT);
    ignored.accept(input.unknownKeys());
    errors.throwIfAny();
    String secret = Secrets.newToken();
    ApiToken token =
        database.write(
            tx ->
                tokens.insertApiToken(
                    tx,
                    accountId,
                    description == null ? "" : description,
                    secret,
                    clock.instant()));
    return new Issued(token, secret);
  }

  /** The account's tokens, newest first, at most {@code limit}. */
  public List<ApiToken> list(long accountId, int limit) {
    return database.read(tx -> tokens.apiTokens(tx, accountId, limit));
  }

  /** Revokes the token; 404 when the account has no such token. */
  public void revoke(long accountId, long id) {
    if (!database.write(tx -> tokens.revokeApiToken(tx, accountId, id))) {
      throw ApiException.notFound();
    }
  }
}
