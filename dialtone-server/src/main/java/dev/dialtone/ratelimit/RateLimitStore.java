package dev.dialtone.ratelimit;

import dev.dialtone.store.Tx;

/** SQL for the request counts every node shares, one row per account, bucket and window. */
final class RateLimitStore {
  /** Adds requests to a window's shared count and returns the new total. */
  long add(Tx tx, long accountId, Bucket bucket, long windowStart, long requests) {
    return tx.first(
            """
            INSERT INTO rate_limit_windows (account_id, bucket, window_start, count)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (account_id, bucket, window_start)
            DO UPDATE SET count = rate_limit_windows.count + excluded.count
            RETURNING count
            """,
            row -> row.getLong("count"),
            accountId,
            bucket.key(),
            windowStart,
            requests)
        .orElseThrow();
  }

  /** A window's shared count; 0 when no node has counted any request in it yet. */
  long count(Tx tx, long accountId, Bucket bucket, long windowStart) {
    return tx.count(
        """
        SELECT count AS n FROM rate_limit_windows
        WHERE account_id = ? AND bucket = ? AND window_start = ?
        """,
        accountId,
        bucket.key(),
        windowStart);
  }

  /** Forgets windows that started before this instant (epoch milliseconds). */
  int deleteBefore(Tx tx, long windowStart) {
    return tx.update("DELETE FROM rate_limit_windows WHERE window_start < ?", windowStart);
  }
}
