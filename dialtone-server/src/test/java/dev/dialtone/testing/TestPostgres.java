package dev.dialtone.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests: the one named by {@code DIALTONE_TEST_DATABASE_URL} when it
 * is set, else one embedded server per test JVM (real PostgreSQL binaries shipped as a Maven jar).
 * Every caller gets a database of its own, so tests never see each other's rows.
 */
public final class TestPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static String adminUrl;

  private TestPostgres() {}

  /** The JDBC URL of a new, empty database. */
  public static synchronized String newDatabase() {
    String name =
        "dialtone_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(adminUrl());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return withDatabase(adminUrl(), name);
  }

  private static String adminUrl() {
    if (adminUrl == null) {
      String configured = System.getenv("DIALTONE_TEST_DATABASE_URL");
      adminUrl = configured != null && !configured.isBlank() ? configured : startEmbedded();
    }
    return adminUrl;
  }

  private static String startEmbedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException ignored) {
                      // The JVM is going away; the temporary cluster goes with it.
                    }
                  }));
      return postgres.getJdbcUrl("postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  /** The same server URL naming another database. */
  static String withDatabase(String url, String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query);
    int slash = base.lastIndexOf('/');
    return base.substring(0, slash + 1) + database + params;
  }
}
