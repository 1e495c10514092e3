package dev.dialtone.auth;

import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** SQL for API tokens and OAuth access tokens; both are found by the digest of their value. */
public final class TokenStore {

  public ApiToken insertApiToken(
      Tx tx, long accountId, String description, String token, Instant now) {
    long id =
        tx.insert(
            "INSERT INTO api_tokens (account_id, description, digest, active, created_at)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING id",
            accountId,
            description,
            Secrets.digest(token),
            true,
            now);
    return new ApiToken(id, accountId, description, true, now);
  }

  /** Whether this token is an active API token of the account. */
  public boolean isActiveApiToken(Tx tx, long accountId, String token) {
    return tx.count(
            "SELECT count(*) AS n FROM api_tokens WHERE account_id = ? AND digest = ? AND active = ?",
            accountId,
            Secrets.digest(token),
            true)
        > 0;
  }

  /** The account's API tokens, newest first, at most {@code limit}; never their secrets. */
  public List<ApiToken> apiTokens(Tx tx, long accountId, int limit) {
    return tx.list(
        "SELECT id, account_id, description, active, created_at FROM api_tokens"
            + " WHERE account_id = ? ORDER BY id DESC LIMIT ?",
        (Row row) ->
            new ApiToken(
                row.getLong("id"),
                row.getLong("account_id"),
                Objects.requireNonNullElse(row.string("description"), ""),
                Boolean.TRUE.equals(row.bool("active")),
                row.instant("created_at")),
        accountId,
        limit);
  }

  /** Revokes an API token: it signs nobody in from now on. False when the account has no such. */
  public boolean revokeApiToken(Tx tx, long accountId, long id) {
    tx.identityChanged(accountId);
    return tx.update(
            "UPDATE api_tokens SET active = ? WHERE account_id = ? AND id = ?",
            false,
            accountId,
            id)
        == 1;
  }

  public long insertOAuthToken(
      Tx tx, long accountId, long userId, String token, String scopes, Instant now) {
    return tx.insert(
        "INSERT INTO oauth_tokens (account_id, user_id, digest, scopes, created_at)"
            + " VALUES (?, ?, ?, ?, ?) RETURNING id",
        accountId,
        userId,
        Secrets.digest(token),
        scopes,
        now);
  }

  /** The user an unexpired OAuth access token of the account stands for. */
  public Optional<Long> oauthTokenUser(Tx tx, long accountId, String token, Instant now) {
    return tx.first(
        "SELECT user_id FROM oauth_tokens WHERE account_id = ? AND digest = ?"
            + " AND (expires_at IS NULL OR expires_at > ?)",
        (Row row) -> row.getLong("user_id"),
        accountId,
        Secrets.digest(token),
        now);
  }
}
