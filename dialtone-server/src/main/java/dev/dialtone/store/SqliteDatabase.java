package dev.dialtone.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default: one SQLite file in WAL mode. SQLite allows one writer at a time, so all
 * writes go through one connection, taken in turn; reads use a small set of read-only connections
 * that WAL lets run beside the writer. {@code synchronous=FULL} makes a commit durable before the
 * client hears of it.
 */
public final class SqliteDatabase implements Database {
  /** The database file's name in the data dir. */
  public static final String FILE = "dialtone.db";

  private static final int READERS = 4;
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final SQLiteDataSource dataSource;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> all = new ArrayList<>();
  private final Duration timeout;

  // Per instance, not static: it is the transaction this thread has open on this database.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Tx> open = new ThreadLocal<>();

  private SqliteDatabase(Path file, Duration timeout) throws SQLException {
    this.timeout = timeout;
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    // Another process holding the file (a backup, a second handle) makes requests wait no longer
    // than the timeout either, then answer 503.
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    writer = open(false);
    for (int i = 0; i < READERS; i++) {
      readers.add(open(true));
    }
  }

  /** Opens (creating if needed) {@code dataDir/dialtone.db} and brings its schema up to date. */
  public static SqliteDatabase open(Path dataDir) {
    return open(dataDir, DEFAULT_TIMEOUT);
  }

  /**
   * As {@link #open(Path)}; a request that waits longer than {@code timeout} for the writer or a
   * reader fails with a {@link StoreException} (503) instead of queueing without end.
   */
  public static SqliteDatabase open(Path dataDir, Duration timeout) {
    PrivateFiles.createDirectory(dataDir);
    Path file = dataDir.resolve(FILE);
    try {
      // SQLite gives the -wal and -shm files the mode of the database file, so that one decides.
      PrivateFiles.createFile(file);
      PrivateFiles.restrictFile(dataDir.resolve("dialtone.db-wal"));
      PrivateFiles.restrictFile(dataDir.resolve("dialtone.db-shm"));
    } catch (java.io.IOException e) {
      throw PrivateFiles.unwritable(dataDir, e);
    }
    try {
      migrate(file);
      return new SqliteDatabase(file, timeout);
    } catch (SQLException e) {
      throw new StoreException("cannot open the SQLite database in " + dataDir, e);
    }
  }

  private static void migrate(Path file) {
    SQLiteDataSource migrationSource = new SQLiteDataSource();
    migrationSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    Flyway.configure()
        .dataSource(migrationSource)
        .locations(Dialect.SQLITE.migrationLocation())
        .load()
        .migrate();
  }

  private Connection open(boolean readOnly) throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    if (readOnly) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA query_only = true");
      }
    }
    all.add(connection);
    return connection;
  }

  @Override
  public <T> T read(Work<T> work) {
    Tx outer = open.get();
    if (outer != null) {
      return outer.join(work);
    }
    Connection connection = takeReader();
    try {
      return Transactions.run(connection, Dialect.SQLITE, work, open);
    } finally {
      readers.add(connection);
    }
  }

  @Override
  public <T> T write(Work<T> work) {
    Tx outer = open.get();
    if (outer != null) {
      if (!writeLock.isHeldByCurrentThread()) {
        throw new IllegalStateException("a write inside a read transaction");
      }
      return outer.join(work);
    }
    acquireWriter();
    try {
      return Transactions.run(writer, Dialect.SQLITE, tx -> work.run(lockedForWriting(tx)), open);
    } finally {
      writeLock.unlock();
    }
  }

  private void acquireWriter() {
    try {
      if (!writeLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new StoreException("the database is busy: no write turn within " + timeout, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted waiting for the write turn", e);
    }
  }

  /**
   * Takes SQLite's write lock as the transaction's first statement, waiting for it as long as the
   * busy timeout allows while another process (a backup, a second handle) holds it. A transaction
   * that reads first and then writes would instead fail at once at its first write. (The driver
   * begins each transaction as soon as the last one ends, so BEGIN IMMEDIATE would hold the lock
   * between transactions.)
   */
  private static Tx lockedForWriting(Tx tx) {
    tx.writeNothing();
    return tx;
  }

  private Connection takeReader() {
    try {
      Connection connection = readers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (connection == null) {
        throw new StoreException(
            "the database is busy: no read connection within " + timeout, null);
      }
      return connection;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted waiting for a read connection", e);
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      for (Connection connection : all) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // Closing on shutdown: nothing left to do with a failure.
        }
      }
    } finally {
      writeLock.unlock();
    }
  }
}
