package dev.dialtone.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Database} must do, whatever the database behind it. One thin subclass per
 * backend runs it on a real database.
 */
abstract class DatabaseContract {
  Database database;

  /** Opens a new, empty, migrated database. */
  Database open() {
    return open(Duration.ofSeconds(5));
  }

  /** Opens a new, empty, migrated database whose requests wait at most {@code timeout}. */
  abstract Database open(Duration timeout);

  /** How many write transactions the database opened by {@link #open} runs at once. */
  abstract int concurrentWrites();

  @BeforeEach
  void openDatabase() {
    database = open();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void write_thatThrows_leavesNoTrace() {
    assertThatThrownBy(
            () ->
                database.write(
                    tx -> {
                      insertAccount(tx, "halfway");
                      throw new IllegalStateException("fails after the first insert");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(accounts()).isZero();
  }

  @Test
  void workInsideAWrite_joinsIt_andCommitsOnlyWithIt() {
    long seen =
        database.write(
            tx -> {
              insertAccount(tx, "outer");
              database.write(inner -> insertAccount(inner, "inner"));
              return database.read(inner -> inner.count("SELECT COUNT(*) AS n FROM accounts"));
            });

    assertThat(seen).as("the inner read sees the outer and inner writes").isEqualTo(2);
    assertThat(accounts()).isEqualTo(2);

    assertThatThrownBy(
            () ->
                database.write(
                    tx -> {
                      insertAccount(tx, "rolled-back-outer");
                      database.write(inner -> insertAccount(inner, "rolled-back-inner"));
                      throw new IllegalStateException("the outer work fails");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(accounts()).as("an inner write goes with its outer one").isEqualTo(2);
  }

  @Test
  void aFailedWriteInsideAWrite_undoesItsOwnWorkOnly() {
    List<String> afterCommit = new ArrayList<>();
    database.write(
        tx -> {
          insertAccount(tx, "kept");
          tx.afterCommit(() -> afterCommit.add("outer"));
          assertThatThrownBy(
                  () ->
                      database.write(
                          inner -> {
                            insertAccount(inner, "undone");
                            inner.afterCommit(() -> afterCommit.add("inner"));
                            throw new IllegalStateException("the inner work fails");
                          }))
              .isInstanceOf(IllegalStateException.class);
          return null;
        });

    assertThat(accounts()).isEqualTo(1);
    assertThat(afterCommit).containsExactly("outer");
  }

  @Test
  void write_violatingAForeignKey_isRejected() {
    assertThatThrownBy(
            () ->
                database.write(
                    tx ->
                        tx.update(
                            "INSERT INTO brands (account_id, name, created_at, updated_at)"
                                + " VALUES (999, 'x', 0, 0)")))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void concurrentWrites_allLand() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Long>> results = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String subdomain = "acct" + i;
      results.add(pool.submit(() -> database.write(tx -> insertAccount(tx, subdomain))));
    }
    for (Future<Long> result : results) {
      result.get();
    }
    pool.shutdown();

    assertThat(accounts()).isEqualTo(200);
  }

  @Test
  void aRequestThatCannotGetTheDatabaseInTime_failsFastInsteadOfQueueing() throws Exception {
    Database busy = open(Duration.ofMillis(300));
    ExecutorService holders = Executors.newFixedThreadPool(8);
    // Every write turn must be taken before the late write asks: a pool still filling would
    // otherwise hand it a connection.
    CountDownLatch holding = new CountDownLatch(concurrentWrites());
    try {
      for (int i = 0; i < 8; i++) {
        holders.submit(
            () ->
                busy.write(
                    tx -> {
                      holding.countDown();
                      sleep(1_500);
                      return null;
                    }));
      }
      holding.await();
      long started = System.nanoTime();

      assertThatThrownBy(() -> busy.write(tx -> insertAccount(tx, "late")))
          .isInstanceOf(StoreException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofMillis(1_300));
    } finally {
      holders.shutdown();
      holders.awaitTermination(10, TimeUnit.SECONDS);
      busy.close();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void isReady_isFalseOnceClosed() {
    assertThat(database.isReady()).isTrue();
    database.close();
    assertThat(database.isReady()).isFalse();
  }

  private long accounts() {
    return database.read(tx -> tx.count("SELECT count(*) AS n FROM accounts"));
  }

  private static long insertAccount(Tx tx, String subdomain) {
    return tx.insert(
        "INSERT INTO accounts (subdomain, name, created_at) VALUES (?, ?, ?) RETURNING id",
        subdomain,
        subdomain,
        Instant.EPOCH);
  }
}
