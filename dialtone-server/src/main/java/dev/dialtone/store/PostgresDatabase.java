package dev.dialtone.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dialtone.config.ConfigException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;

/**
 * PostgreSQL through a HikariCP pool, for several stateless nodes on one database. Each unit of
 * work borrows a connection for one transaction; a pool that stays exhausted past the timeout fails
 * the request fast with a {@link StoreException} rather than queueing it forever.
 */
public final class PostgresDatabase implements Database {
  private final HikariDataSource pool;

  // Per instance, not static: it is the transaction this thread has open on this database.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Tx> open = new ThreadLocal<>();

  private final IdentityChanges identityChanges = new IdentityChanges();

  /** How the pool is sized and how long a request waits for a connection. */
  public record PoolSettings(int maxSize, Duration connectionTimeout) {}

  private PostgresDatabase(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * Connects to the JDBC URL and brings the schema up to date. Flyway takes a PostgreSQL advisory
   * lock while it migrates, so nodes starting together against an empty database migrate once.
   */
  public static PostgresDatabase open(String jdbcUrl, PoolSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(settings.maxSize());
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setAutoCommit(false);
    config.setPoolName("dialtone");
    // A statement stuck behind a lock or a slow disk gives up too, so requests fail fast with a
    // 503 instead of piling up on a database under pressure.
    // (A startup option of the session, not an init statement: with autocommit off, a statement
    // would leave a transaction open on every new connection.)
    config.addDataSourceProperty(
        "options", "-c statement_timeout=" + settings.connectionTimeout().toMillis());
    // Fail at start, with the database's own message, when it cannot be reached.
    config.setInitializationFailTimeout(settings.connectionTimeout().toMillis());
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new ConfigException(
          "cannot connect to PostgreSQL ("
              + root.getMessage()
              + "): check the server, or set DIALTONE_DATABASE_URL or --database-url");
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations(Dialect.POSTGRESQL.migrationLocation())
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate the PostgreSQL schema: " + e.getMessage(), e);
    }
    return new PostgresDatabase(pool);
  }

  @Override
  public IdentityChanges identityChanges() {
    return identityChanges;
  }

  @Override
  public <T> T read(Work<T> work) {
    return inTransaction(true, work);
  }

  @Override
  public <T> T write(Work<T> work) {
    return inTransaction(false, work);
  }

  private <T> T inTransaction(boolean readOnly, Work<T> work) {
    Tx outer = open.get();
    if (outer != null) {
      // Joining a read-only transaction with a write fails at its first write statement.
      return outer.join(work);
    }
    try (Connection connection = pool.getConnection()) {
      connection.setReadOnly(readOnly);
      return Transactions.run(
          Statements.fresh(connection), Dialect.POSTGRESQL, identityChanges, work, open);
    } catch (SQLException e) {
      throw new StoreException("no database connection available", e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
