package dev.dialtone.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the schema Dialtone created with calls by a direct SQL bulk insert, in one transaction:
 * 100,000 calls through the API would take longer than the benchmark itself. The server is idle
 * meanwhile, so the ids it hands out are consecutive.
 */
final class Seeder {
  private Seeder() {}

  /** The first and last id of {@code count} calls inserted into the default account. */
  record Range(long first, long count) {}

  static Range seed(String jdbcUrl, long agentId, int count) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl)) {
      if (jdbcUrl.startsWith("jdbc:sqlite:")) {
        try (Statement s = db.createStatement()) {
          // Dialtone holds the file open; wait for its writer rather than fail.
          s.execute("PRAGMA busy_timeout = 30000");
        }
      }
      db.setAutoCommit(false);
      long account = single(db, "SELECT id FROM accounts WHERE subdomain = 'dialtone'");
      long now = System.currentTimeMillis();
      try (PreparedStatement insert =
          db.prepareStatement(
              """
              INSERT INTO calls (account_id, agent_id, app_id, call_started_at, call_ended_at,
                direction, duration, from_line, to_line, completion_status, queue_name,
                wait_time, talk_time, hold_time, external_id, created_at, updated_at)
              VALUES (?, ?, 735264019863524, ?, ?, 'inbound', ?, '+14155550123',
                '+18005550199', 'completed', 'Support EN', 12, ?, 35, ?, ?, ?)
              """)) {
        for (int i = 0; i < count; i++) {
          long started = now - 86_400_000L + i * 600L;
          insert.setLong(1, account);
          insert.setLong(2, agentId);
          insert.setLong(3, started);
          insert.setLong(4, started + 400_000);
          insert.setInt(5, 300 + i % 200);
          insert.setInt(6, 250 + i % 150);
          insert.setString(7, "seed-" + i);
          insert.setLong(8, now);
          insert.setLong(9, now);
          insert.addBatch();
          if (i % 5_000 == 4_999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      db.commit();
      long first = single(db, "SELECT min(id) FROM calls WHERE external_id = 'seed-0'");
      long last =
          single(db, "SELECT max(id) FROM calls WHERE external_id = 'seed-" + (count - 1) + "'");
      if (last - first + 1 != count) {
        throw new IllegalStateException("seeded ids are not consecutive: " + first + ".." + last);
      }
      db.commit();
      if (jdbcUrl.startsWith("jdbc:sqlite:")) {
        // The bulk insert went to the write-ahead log; copy it into the file now, as a database
        // that grew over months would have, rather than on the runs' first writes.
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
          s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
      }
      return new Range(first, count);
    }
  }

  private static long single(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      if (!rows.next()) {
        throw new IllegalStateException("no row for " + sql);
      }
      return rows.getLong(1);
    }
  }
}
