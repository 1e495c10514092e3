package dev.dialtone.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a connection's transactions get their prepared statements. SQLite parses and plans a
 * statement each time it is prepared, which costs more than running most of Dialtone's, and its
 * driver keeps none: a SQLite connection keeps its last {@value #KEPT} statements by their SQL.
 * PostgreSQL's driver keeps its own across prepares (and the pool closes what a connection leaves
 * open when it is returned), so its connections prepare afresh each time. A connection serves one
 * thread at a time, and so does this.
 */
final class Statements {
  /** More than the distinct statements Dialtone runs in a steady state. */
  static final int KEPT = 256;

  private final Connection connection;
  private final @Nullable Map<String, PreparedStatement> kept;

  private Statements(Connection connection, boolean keep) {
    this.connection = connection;
    this.kept =
        keep
            ? new LinkedHashMap<>(64, 0.75f, true) {
              private static final long serialVersionUID = 1L;

              @Override
              protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= KEPT) {
                  return false;
                }
                closeQuietly(eldest.getValue());
                return true;
              }
            }
            : null;
  }

  /** Statements kept for reuse on this connection. */
  static Statements kept(Connection connection) {
    return new Statements(connection, true);
  }

  /** Statements prepared for each use and closed after it. */
  static Statements fresh(Connection connection) {
    return new Statements(connection, false);
  }

  Connection connection() {
    return connection;
  }

  /** The statement for {@code sql}, with no parameters bound; hand it back to {@link #release}. */
  PreparedStatement prepare(String sql) throws SQLException {
    if (kept == null) {
      return connection.prepareStatement(sql);
    }
    PreparedStatement statement = kept.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      kept.put(sql, statement);
    } else {
      statement.clearParameters();
    }
    return statement;
  }

  /**
   * Ends a use of the statement. One that failed is closed and forgotten, whatever state the
   * failure left it in.
   */
  void release(String sql, PreparedStatement statement, boolean failed) {
    if (kept == null) {
      closeQuietly(statement);
    } else if (failed && kept.remove(sql, statement)) {
      closeQuietly(statement);
    }
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // Nothing more to do with a statement that will not close; the connection's close frees it.
    }
  }
}
