package dev.dialtone.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Writes and reads rows straight in a test server's database, named by the server's data directory:
 * for states the API cannot reach (a suspended agent, an OAuth token row) and for counting rows to
 * prove that a failed request wrote nothing. Works on SQLite (WAL lets it in beside the running
 * server) and on PostgreSQL alike; the SQL must be portable.
 */
public final class Rows {
  /** The default account, created on first start. */
  public static final long DEFAULT_ACCOUNT = 1;

  /** The default account's first admin: user ids start above this offset. */
  public static final long DEFAULT_ADMIN = 380_000_000_001L;

  private Rows() {}

  /** Adds a user of the account with this role (end-user, agent, admin); returns its id. */
  public static long insertUser(
      Path dataDir, long accountId, String email, String role, boolean suspended) {
    long now = System.currentTimeMillis();
    return insert(
        dataDir,
        "INSERT INTO users (account_id, name, email, role, suspended, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        accountId,
        email,
        email,
        role,
        suspended,
        now,
        now);
  }

  /** Adds an OAuth access token of the user; the row keeps the SHA-256 digest only. */
  public static void insertOAuthToken(Path dataDir, long accountId, long userId, String token) {
    insert(
        dataDir,
        "INSERT INTO oauth_tokens (account_id, user_id, digest, scopes, created_at)"
            + " VALUES (?, ?, ?, 'read write', ?) RETURNING id",
        accountId,
        userId,
        sha256Hex(token),
        System.currentTimeMillis());
  }

  public static long insertOrganization(Path dataDir, long accountId, String name) {
    long now = System.currentTimeMillis();
    return insert(
        dataDir,
        "INSERT INTO organizations (account_id, name, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?) RETURNING id",
        accountId,
        name,
        now,
        now);
  }

  public static long defaultBrand(Path dataDir, long accountId) {
    return (Long) single(dataDir, "SELECT default_brand_id FROM accounts WHERE id = ?", accountId);
  }

  /** Sets a ticket's status, e.g. {@code closed}, as the ticket API would. */
  public static void setTicketStatus(Path dataDir, long ticketId, String status) {
    run(dataDir, "UPDATE tickets SET status = ? WHERE id = ?", status, ticketId);
  }

  /** Runs an UPDATE or DELETE for a state the API in this tree cannot reach. */
  public static void execute(Path dataDir, String sql, Object... args) {
    run(dataDir, sql, args);
  }

  public static long count(Path dataDir, String table) {
    return (Long) single(dataDir, "SELECT count(*) FROM " + table);
  }

  /** Rows of the table matching the condition, e.g. {@code count(dir, "tickets", "id = ?", 7)}. */
  public static long count(Path dataDir, String table, String where, Object... args) {
    return (Long) single(dataDir, "SELECT count(*) FROM " + table + " WHERE " + where, args);
  }

  /** The one value the query selects; integers come back as {@link Long}. */
  public static Object single(Path dataDir, String sql, Object... args) {
    try (Connection connection = open(dataDir);
        PreparedStatement statement = prepare(connection, sql, args);
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("no row for " + sql);
      }
      Object value = rows.getObject(1);
      return value instanceof Integer i ? Long.valueOf(i) : value;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long insert(Path dataDir, String sql, Object... args) {
    try (Connection connection = open(dataDir);
        PreparedStatement statement = prepare(connection, sql, args);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void run(Path dataDir, String sql, Object... args) {
    try (Connection connection = open(dataDir);
        PreparedStatement statement = prepare(connection, sql, args)) {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /**
   * Another session that takes the write lock of the calls table and keeps it until the returned
   * connection rolls back or closes: how a test makes the database too busy for a write.
   */
  public static Connection holdWriteLock(Path dataDir) throws SQLException {
    Connection connection = open(dataDir);
    connection.setAutoCommit(false);
    try (java.sql.Statement statement = connection.createStatement()) {
      if (TestServer.databaseUrlOf(dataDir) != null) {
        statement.execute("LOCK TABLE calls IN EXCLUSIVE MODE");
      } else {
        statement.execute(
            "INSERT INTO accounts (subdomain, name, created_at) VALUES ('x', 'x', 0)");
      }
    }
    return connection;
  }

  private static Connection open(Path dataDir) throws SQLException {
    String url = TestServer.databaseUrlOf(dataDir);
    return DriverManager.getConnection(
        url != null ? url : "jdbc:sqlite:" + dataDir.resolve("dialtone.db"));
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... args)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }
}
