package dev.dialtone.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs one unit of work in one transaction on a connection: commit on success, else rollback. */
final class Transactions {
  private Transactions() {}

  static <T> T run(Connection connection, Dialect dialect, Database.Work<T> work) {
    boolean committed = false;
    try {
      T result = work.run(new Tx(connection, dialect));
      connection.commit();
      committed = true;
      return result;
    } catch (SQLException e) {
      throw new StoreException("commit failed", e);
    } finally {
      if (!committed) {
        try {
          connection.rollback();
        } catch (SQLException ignored) {
          // The original failure is what the caller needs to see.
        }
      }
    }
  }
}
