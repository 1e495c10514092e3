package dev.dialtone.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  abstract Database open();

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
