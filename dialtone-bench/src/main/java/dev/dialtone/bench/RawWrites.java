package dev.dialtone.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.sqlite.SQLiteConfig;

/**
 * The database's own durable write rate on this disk: one ~1 KB row per transaction, from one
 * connection, with the durability Dialtone runs it with. No request can commit faster than this, so
 * it is the floor under every write's latency.
 */
final class RawWrites {
  private static final String ROW = "x".repeat(1000);

  private RawWrites() {}

  /** SQLite in WAL mode with {@code synchronous=FULL}, as {@code SqliteDatabase} opens it. */
  static Connection sqlite(String file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  static LoadGenerator.Measurement measure(
      Connection db, Duration warmUp, Duration duration, int runs) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS bench_rows (id BIGINT PRIMARY KEY, body TEXT)");
    }
    db.setAutoCommit(false);
    long[] next = {1};
    try (PreparedStatement insert =
        db.prepareStatement("INSERT INTO bench_rows (id, body) VALUES (?, ?)")) {
      once(db, insert, next, warmUp);
      List<LoadGenerator.Measurement> measured = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        measured.add(once(db, insert, next, duration));
      }
      return LoadGenerator.Measurement.median(measured);
    }
  }

  private static LoadGenerator.Measurement once(
      Connection db, PreparedStatement insert, long[] next, Duration duration) throws SQLException {
    Histogram nanos = LoadGenerator.histogram();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (long now = start; now < end; ) {
      insert.setLong(1, next[0]++);
      insert.setString(2, ROW);
      insert.executeUpdate();
      db.commit();
      long done = System.nanoTime();
      nanos.recordValue(done - now);
      now = done;
    }
    return LoadGenerator.Measurement.of(nanos, 0, (System.nanoTime() - start) / 1e9);
  }
}
