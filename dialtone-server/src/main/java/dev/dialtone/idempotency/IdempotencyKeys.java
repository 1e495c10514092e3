package dev.dialtone.idempotency;

import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SQL for idempotency keys. A row is written in the transaction of the request it answers, so every
 * row holds a finished request's answer: there is no row for a request still running.
 */
public final class IdempotencyKeys {

  /**
   * One key's row: the request it stands for and the answer to replay ({@code body} may be null).
   */
  record Entry(String requestHash, int status, String headers, String body, Instant expiresAt) {}

  /** The key's row, expired or not. */
  Optional<Entry> find(Tx tx, long accountId, String key) {
    return tx.first(
        """
        SELECT request_hash, status, response_headers, response_body, expires_at
        FROM idempotency_answers WHERE account_id = ? AND idempotency_key = ?
        """,
        IdempotencyKeys::map,
        accountId,
        key);
  }

  /** Stores the answer of the key's request, replacing an expired row of the key. */
  void store(
      Tx tx,
      long accountId,
      String key,
      String requestHash,
      int status,
      String headers,
      @Nullable String body,
      Instant now,
      Instant expiresAt) {
    tx.update(
        "DELETE FROM idempotency_answers WHERE account_id = ? AND idempotency_key = ?",
        accountId,
        key);
    tx.update(
        """
        INSERT INTO idempotency_answers (account_id, idempotency_key, request_hash, status,
          response_headers, response_body, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        accountId,
        key,
        requestHash,
        status,
        headers,
        body,
        now,
        expiresAt);
  }

  /** Deletes every row expired at {@code now}; returns how many. */
  int deleteExpired(Tx tx, Instant now) {
    return tx.update("DELETE FROM idempotency_answers WHERE expires_at <= ?", now);
  }

  private static Entry map(Row row) {
    return new Entry(
        row.string("request_hash"),
        (int) row.getLong("status"),
        row.string("response_headers"),
        row.string("response_body"),
        row.instant("expires_at"));
  }
}
