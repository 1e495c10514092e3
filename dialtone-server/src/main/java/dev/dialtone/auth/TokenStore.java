package dev.dialtone.auth;

import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
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
