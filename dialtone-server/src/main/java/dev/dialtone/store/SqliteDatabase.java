package dev.dialtone.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default: one SQLite file in WAL mode. SQLite allows one writer at a time, so all
 * writes go through one connection, taken in turn; reads use a small set of read-only connections
 * that WAL lets run beside the writer. {@code synchronous=FULL} makes a commit durable before the
 * client hears of it.
 *
 * <p>Writes commit in groups. A commit costs a flush to disk whatever it holds, so a write that
 * finishes its work while others wait for their turn leaves the transaction open for them: each
 * runs under its own savepoint, which its failure rolls back alone, and the last of the group (the
 * one that finds nobody waiting, or the {@value #MAX_GROUP}th) commits them all with one flush. No
 * write returns before the commit that holds it is on disk; if that commit fails, every write of
 * the group fails with it, none having been acknowledged.
 */
public final class SqliteDatabase implements Database {
  /** The database file's name in the data dir. */
  public static final String FILE = "dialtone.db";

  private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

  private static final int READERS = 4;

  /**
   * Most writes one commit holds: under a steady queue a group would otherwise grow without end,
   * and its first write wait as long for its answer.
   */
  static final int MAX_GROUP = 32;

  /** How often a write waiting for its group's commit checks that someone is still to make it. */
  private static final long GROUP_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final SQLiteDataSource dataSource;
  private final Connection writer;
  private final Statements writerStatements;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final BlockingQueue<Statements> readers = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> all = new ArrayList<>();
  private final Duration timeout;

  /** The group the open write transaction holds, or null between commits; under writeLock. */
  private @Nullable Group group;

  private final GroupSizes groupSizes = new GroupSizes();

  // Per instance, not static: it is the transaction this thread has open on this database.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Tx> open = new ThreadLocal<>();

  private final IdentityChanges identityChanges = new IdentityChanges();

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
    writerStatements = Statements.kept(writer);
    for (int i = 0; i < READERS; i++) {
      readers.add(Statements.kept(open(true)));
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
  public IdentityChanges identityChanges() {
    return identityChanges;
  }

  @Override
  public <T> T read(Work<T> work) {
    Tx outer = open.get();
    if (outer != null) {
      return outer.join(work);
    }
    Statements reader = takeReader();
    try {
      return Transactions.run(reader, Dialect.SQLITE, identityChanges, work, open);
    } finally {
      readers.add(reader);
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
    Tx tx = new Tx(writerStatements, Dialect.SQLITE, identityChanges);
    Group mine;
    T result;
    acquireWriter();
    try {
      mine = groupToJoin();
      try {
        result = runInGroup(tx, work);
      } finally {
        commitUnlessOthersWait(mine);
      }
    } finally {
      writeLock.unlock();
    }
    awaitCommit(mine);
    Transactions.runAfterCommit(tx);
    return result;
  }

  /** The open group, or a new one whose transaction starts by taking SQLite's write lock. */
  private Group groupToJoin() {
    Group current = group;
    if (current != null) {
      return current;
    }
    Group started = new Group();
    try {
      lockedForWriting(new Tx(writerStatements, Dialect.SQLITE, identityChanges));
    } catch (RuntimeException e) {
      rollbackQuietly();
      throw e;
    }
    group = started;
    return started;
  }

  /**
   * Runs one write's work under its own savepoint. Its failure undoes its own writes only, unless
   * SQLite has rolled back the whole transaction on it (a full disk, an I/O error): then the group,
   * writes already run included, fails with it.
   */
  private <T> T runInGroup(Tx tx, Work<T> work) {
    Savepoint savepoint;
    try {
      savepoint = writer.setSavepoint();
    } catch (SQLException e) {
      StoreException failure = new StoreException("savepoint failed", e);
      failGroup(failure);
      throw failure;
    }
    open.set(tx);
    try {
      T result = work.run(tx);
      writer.releaseSavepoint(savepoint);
      return result;
    } catch (SQLException e) {
      StoreException failure = new StoreException("savepoint release failed", e);
      failGroup(failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      try {
        writer.rollback(savepoint);
      } catch (SQLException gone) {
        // The savepoint went with the transaction: SQLite rolled it all back on this failure.
        failGroup(new StoreException("the transaction was rolled back by the database", e));
      }
      throw e;
    } finally {
      open.remove();
    }
  }

  /** Commits the group now, unless another write waiting for its turn will join and commit it. */
  private void commitUnlessOthersWait(Group mine) {
    if (group != mine) {
      return; // it failed, and with it every write it held
    }
    mine.writes++;
    if (mine.writes < MAX_GROUP && writeLock.hasQueuedThreads()) {
      return;
    }
    commit(mine);
  }

  private void commit(Group mine) {
    group = null;
    try {
      writer.commit();
      groupSizes.record(mine.writes);
      mine.finish(null);
    } catch (SQLException e) {
      rollbackQuietly();
      mine.finish(new StoreException("commit failed", e));
    }
  }

  private void failGroup(StoreException failure) {
    Group failed = group;
    group = null;
    rollbackQuietly();
    if (failed != null) {
      failed.finish(failure);
    }
  }

  /**
   * Rolls back and leaves the writer inside a new transaction, as the driver keeps it between
   * transactions. When SQLite has already ended the transaction itself, the driver's rollback fails
   * before it begins the next one, and the next write would run outside any transaction: the {@code
   * BEGIN} here puts it back (and fails harmlessly when the driver did begin).
   */
  private void rollbackQuietly() {
    try {
      writer.rollback();
    } catch (SQLException ignored) {
      // The failure that led here is what the caller needs to see.
    }
    try (Statement statement = writer.createStatement()) {
      statement.execute("BEGIN");
    } catch (SQLException alreadyInOne) {
      // The driver's rollback began the next transaction, as it should.
    }
  }

  /**
   * Waits until the group holding this write has committed, and throws if it failed. A write that
   * left its group open counted on a waiting one to join; should that one give up its turn (its
   * wait timed out), this write takes the turn back and commits the group itself.
   */
  private void awaitCommit(Group mine) {
    while (!mine.await(GROUP_POLL_NANOS)) {
      if (writeLock.tryLock()) {
        try {
          if (group == mine) {
            commit(mine);
          }
        } finally {
          writeLock.unlock();
        }
      }
    }
    StoreException failure = mine.failure;
    if (failure != null) {
      // Each write's own exception, so its stack names its request; the cause names the failure.
      throw new StoreException("this write's group did not commit", failure);
    }
  }

  /**
   * How many writes each commit held since the database opened: {@code sizes()[n]} commits held
   * {@code n} writes (the last slot counts {@value #MAX_GROUP}).
   */
  public long[] groupSizes() {
    return groupSizes.snapshot();
  }

  /** "1: 20, 2: 5 (mean 1.2)": the sizes that occurred, or "" if none did. */
  static String describe(long[] sizes) {
    StringBuilder text = new StringBuilder();
    long commits = 0;
    long writes = 0;
    for (int size = 1; size < sizes.length; size++) {
      if (sizes[size] > 0) {
        text.append(text.isEmpty() ? "" : ", ").append(size).append(": ").append(sizes[size]);
        commits += sizes[size];
        writes += size * sizes[size];
      }
    }
    return commits == 0
        ? ""
        : text.append(
                String.format(java.util.Locale.ROOT, " (mean %.1f)", (double) writes / commits))
            .toString();
  }

  /** How many writes wait for their turn now. */
  int writesWaiting() {
    return writeLock.getQueueLength();
  }

  /** Writes that share one commit. */
  private static final class Group {
    private final CountDownLatch committed = new CountDownLatch(1);
    private int writes; // under writeLock
    private volatile @Nullable StoreException failure;

    void finish(@Nullable StoreException failure) {
      this.failure = failure;
      committed.countDown();
    }

    boolean await(long nanos) {
      try {
        return committed.await(nanos, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted waiting for the commit", e);
      }
    }
  }

  /** A count of commits by the number of writes they held. */
  private static final class GroupSizes {
    private final AtomicLongArray counts = new AtomicLongArray(MAX_GROUP + 1);

    void record(int writes) {
      counts.incrementAndGet(Math.min(writes, MAX_GROUP));
    }

    long[] snapshot() {
      long[] copy = new long[counts.length()];
      for (int i = 0; i < copy.length; i++) {
        copy[i] = counts.get(i);
      }
      return copy;
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

  private Statements takeReader() {
    try {
      Statements reader = readers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (reader == null) {
        throw new StoreException(
            "the database is busy: no read connection within " + timeout, null);
      }
      return reader;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted waiting for a read connection", e);
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      Group pending = group;
      if (pending != null) {
        commit(pending); // its writes are done and wait only for this
      }
      String sizes = describe(groupSizes());
      if (!sizes.isEmpty()) {
        LOG.info("commits by the number of writes they held: {}", sizes);
      }
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
