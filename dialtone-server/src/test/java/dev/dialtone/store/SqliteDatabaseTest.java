package dev.dialtone.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest extends DatabaseContract {
  @TempDir Path dataDir;

  @Override
  Database open(Duration timeout) {
    return SqliteDatabase.open(dataDir.resolve("db" + System.nanoTime()), timeout);
  }

  @Override
  int concurrentWrites() {
    return 1; // one writer connection, taken in turn
  }

  @Test
  void open_createsOneFileWithDurableSettings() throws Exception {
    try (var files = Files.list(dataDir)) {
      assertThat(files.filter(dir -> Files.exists(dir.resolve("dialtone.db")))).hasSize(1);
    }
    assertThat(pragma("journal_mode")).isEqualTo("wal");
    assertThat(pragma("foreign_keys")).isEqualTo("1");
    // 2 is FULL: a commit is on disk before the client hears of it.
    assertThat(pragma("synchronous")).isEqualTo("2");
  }

  private String pragma(String name) {
    return database.read(tx -> tx.first("PRAGMA " + name, row -> row.string(name)).orElseThrow());
  }
}
