package dev.dialtone.store;

import dev.dialtone.testing.TestPostgres;
import java.time.Duration;

class PostgresDatabaseTest extends DatabaseContract {
  private static final int POOL_SIZE = 4;

  @Override
  Database open(Duration timeout) {
    return PostgresDatabase.open(
        TestPostgres.newDatabase(), new PostgresDatabase.PoolSettings(POOL_SIZE, timeout));
  }

  @Override
  int concurrentWrites() {
    return POOL_SIZE;
  }
}
