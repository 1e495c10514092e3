package dev.dialtone.idempotency;

import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.Optional;

/**
 * SQL for idempotency keys. A row is owned by the request whose {@code claim} it holds: every
 * change after the claim names that claim, so a request that lost its key to a takeover changes
 * nothing.
 */
public final class IdempotencyKeys {

  /** Where a key's request stands. */
  enum State {
    IN_FLIGHT("in_flight"),
    DONE("done");

    private final String column;

    State(String column) {
      this.column = column;
    }

    static State of(String column) {
      return column.equals(DONE.column) ? DONE : IN_FLIGHT;
    }
  }

  /**
   * One key's row. {@code status}, {@code headers} and {@code body} are set once it is done; {@code
   * body} is null for a response without one.
   */
  record Entry(
      String requestHash,
      String claim,
      State state,
      int status,
      String headers,
      String body,
      Instant claimedAt,
      Instant expiresAt) {}

  /** Claims a key nobody holds; false when a row for it exists already. */
  boolean insert(
      Tx tx,
      long accountId,
      String key,
      String requestHash,
      String claim,
      Instant now,
      Instant expiresAt) {
    return tx.update(
            """
            INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, claim, state,
              created_at, claimed_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account_id, idempotency_key) DO NOTHING
            """,
            accountId,
            key,
            requestHash,
            claim,
            State.IN_FLIGHT.column,
            now,
            now,
            expiresAt)
        == 1;
  }

  /** The key's row, locked until the transaction ends. */
  Optional<Entry> findForUpdate(Tx tx, long accountId, String key) {
    return tx.first(
        """
        SELECT request_hash, claim, state, status, response_headers, response_body, claimed_at,
          expires_at
        FROM idempotency_keys WHERE account_id = ? AND idempotency_key = ?
        """
            + tx.dialect().forUpdate(),
        IdempotencyKeys::map,
        accountId,
        key);
  }

  /**
   * Claims a key whose row is expired or abandoned, as a new request: only if {@code oldClaim}
   * still holds it, so of several requests taking it over at once exactly one wins.
   */
  boolean takeOver(
      Tx tx,
      long accountId,
      String key,
      String oldClaim,
      String requestHash,
      String claim,
      Instant now,
      Instant expiresAt) {
    return tx.update(
            """
            UPDATE idempotency_keys
            SET request_hash = ?, claim = ?, state = ?, status = NULL, response_headers = NULL,
              response_body = NULL, created_at = ?, claimed_at = ?, expires_at = ?
            WHERE account_id = ? AND idempotency_key = ? AND claim = ?
            """,
            requestHash,
            claim,
            State.IN_FLIGHT.column,
            now,
            now,
            expiresAt,
            accountId,
            key,
            oldClaim)
        == 1;
  }

  /** Stores the response of the claim's request; false when the claim no longer holds the key. */
  boolean finish(
      Tx tx, long accountId, String key, String claim, int status, String headers, String body) {
    return tx.update(
            """
            UPDATE idempotency_keys
            SET state = ?, status = ?, response_headers = ?, response_body = ?
            WHERE account_id = ? AND idempotency_key = ? AND claim = ?
            """,
            State.DONE.column,
            status,
            headers,
            body,
            accountId,
            key,
            claim)
        == 1;
  }

  /** Frees the key held by the claim, so that a retry runs the request again. */
  void release(Tx tx, long accountId, String key, String claim) {
    tx.update(
        "DELETE FROM idempotency_keys WHERE account_id = ? AND idempotency_key = ? AND claim = ?",
        accountId,
        key,
        claim);
  }

  /** Deletes every row expired at {@code now}; returns how many. */
  int deleteExpired(Tx tx, Instant now) {
    return tx.update("DELETE FROM idempotency_keys WHERE expires_at <= ?", now);
  }

  private static Entry map(Row row) {
    Long status = row.longOrNull("status");
    return new Entry(
        row.string("request_hash"),
        row.string("claim"),
        State.of(row.string("state")),
        status == null ? 0 : status.intValue(),
        row.string("response_headers"),
        row.string("response_body"),
        row.instant("claimed_at"),
        row.instant("expires_at"));
  }
}
