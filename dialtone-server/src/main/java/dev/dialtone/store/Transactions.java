package dev.dialtone.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one unit of work in one transaction on a connection: commit on success, else rollback. While
 * it runs, the transaction is the thread's open one, so that a unit of work started inside it (a
 * handler's write inside an idempotent request's) joins it instead of committing on its own.
 */
final class Transactions {
  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

  private Transactions() {}

  static <T> T run(
      Statements statements,
      Dialect dialect,
      IdentityChanges identityChanges,
      Database.Work<T> work,
      ThreadLocal<Tx> open) {
    boolean committed = false;
    Connection connection = statements.connection();
    Tx tx = new Tx(statements, dialect, identityChanges);
    T result;
    open.set(tx);
    try {
      result = work.run(tx);
      connection.commit();
      committed = true;
    } catch (SQLException e) {
      throw new StoreException("commit failed", e);
    } finally {
      open.remove();
      if (!committed) {
        try {
          connection.rollback();
        } catch (SQLException ignored) {
          // The original failure is what the caller needs to see.
        }
      }
    }
    runAfterCommit(tx);
    return result;
  }

  /**
   * Runs the committed transaction's after-commit actions; a failing one does not stop the rest.
   */
  static void runAfterCommit(Tx tx) {
    for (Runnable action : tx.afterCommitActions()) {
      try {
        action.run();
      } catch (RuntimeException e) {
        // The change is committed and the client will hear so; a failed notice must not undo that.
        LOG.warn("an after-commit action failed", e);
      }
    }
  }
}
