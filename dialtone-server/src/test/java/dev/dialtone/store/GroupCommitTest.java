package dev.dialtone.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's writes commit in groups: writes that queued while one ran share its commit, each keeping
 * its own outcome, and none returns before the commit is done.
 */
class GroupCommitTest {
  @TempDir Path dataDir;
  SqliteDatabase database;
  ExecutorService pool = Executors.newFixedThreadPool(12);

  @BeforeEach
  void open() {
    database = SqliteDatabase.open(dataDir);
  }

  @AfterEach
  void close() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    database.close();
  }

  @Test
  void writesThatQueue_shareOneCommit_andAFailingOneUndoesOnlyItself() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> first =
        pool.submit(
            () ->
                database.write(
                    tx -> {
                      insertAccount(tx, "first");
                      running.countDown();
                      await(release);
                      return seenByAReader("first");
                    }));
    running.await();
    List<Future<Boolean>> queued = new ArrayList<>();
    queued.add(pool.submit(() -> insertAndCheck("second")));
    waitForWaiting(1);
    queued.add(pool.submit(() -> insertAndCheck("third")));
    waitForWaiting(2);
    Future<Object> failing =
        pool.submit(
            () ->
                database.write(
                    tx -> {
                      insertAccount(tx, "failing");
                      throw new IllegalStateException("this write fails after its insert");
                    }));
    waitForWaiting(3);
    queued.add(pool.submit(() -> insertAndCheck("fourth")));
    waitForWaiting(4);

    release.countDown();

    assertThat(first.get()).as("uncommitted while its own work runs").isFalse();
    for (Future<Boolean> write : queued) {
      assertThat(write.get()).as("committed by the time the write returns").isTrue();
    }
    assertThatThrownBy(failing::get).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(subdomains()).containsExactlyInAnyOrder("first", "second", "third", "fourth");
    assertThat(database.groupSizes()[5]).as("one commit held the five writes").isEqualTo(1);
  }

  @Test
  void theSizesAreLoggedAsCountsAndAMean() {
    long[] sizes = new long[SqliteDatabase.MAX_GROUP + 1];
    assertThat(SqliteDatabase.describe(sizes)).as("no commit yet: nothing to log").isEmpty();
    sizes[1] = 20;
    sizes[2] = 5;
    assertThat(SqliteDatabase.describe(sizes)).isEqualTo("1: 20, 2: 5 (mean 1.2)");
  }

  @Test
  void aWriteThatEndsTheTransaction_failsEveryWriteOfItsGroup_andTheNextWritesWork()
      throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Long> first =
        pool.submit(
            () ->
                database.write(
                    tx -> {
                      long id = insertAccount(tx, "first");
                      running.countDown();
                      await(release);
                      return id;
                    }));
    running.await();
    Future<Long> second = pool.submit(() -> database.write(tx -> insertAccount(tx, "second")));
    waitForWaiting(1);
    // What SQLite does by itself on a full disk or an I/O error: the whole transaction is gone.
    Future<Object> breaking =
        pool.submit(
            () ->
                database.write(
                    tx -> {
                      tx.update("ROLLBACK");
                      throw new IllegalStateException("the transaction is gone");
                    }));
    waitForWaiting(2);

    release.countDown();

    assertThatThrownBy(first::get).hasCauseInstanceOf(StoreException.class);
    assertThatThrownBy(second::get).hasCauseInstanceOf(StoreException.class);
    assertThatThrownBy(breaking::get).isInstanceOf(ExecutionException.class);
    assertThat(subdomains()).as("no write of the failed group was acknowledged").isEmpty();

    database.write(tx -> insertAccount(tx, "after"));
    assertThat(subdomains()).containsExactly("after");
  }

  @Test
  void aLoneWrite_commitsAtOnce() {
    assertThat(insertAndCheck("alone")).isTrue();
    assertThat(database.groupSizes()[1]).isEqualTo(1);
  }

  private boolean insertAndCheck(String subdomain) {
    database.write(tx -> insertAccount(tx, subdomain));
    return seenByAReader(subdomain);
  }

  /** Whether a read on another connection, which sees committed rows only, finds the account. */
  private boolean seenByAReader(String subdomain) {
    try {
      return pool.submit(() -> subdomains().contains(subdomain)).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  private List<String> subdomains() {
    return database.read(
        tx ->
            tx.list("SELECT subdomain FROM accounts ORDER BY id", row -> row.string("subdomain")));
  }

  /** Waits until {@code count} writes wait for the turn the first one holds. */
  private void waitForWaiting(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (database.writesWaiting() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("writes did not queue: " + database.writesWaiting());
      }
      Thread.sleep(5);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long insertAccount(Tx tx, String subdomain) {
    return tx.insert(
        "INSERT INTO accounts (subdomain, name, created_at) VALUES (?, ?, ?) RETURNING id",
        subdomain,
        subdomain,
        Instant.EPOCH);
  }
}
