package dev.dialtone.store;

import dev.dialtone.testing.TestPostgres;
import java.time.Duration;

class PostgresDatabaseTest extends DatabaseContract {
  @Override
  Database open(Duration timeout) {
    return PostgresDatabase.open(
        TestPostgres.newDatabase(), new PostgresDatabase.PoolSettings(4, timeout));
  }
}
