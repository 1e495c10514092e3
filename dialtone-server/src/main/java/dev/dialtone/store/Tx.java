package dev.dialtone.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One open transaction. Every store method takes one, so a request's reads and writes share it and
 * commit or roll back together. Arguments bind in order; an {@link Instant} binds as epoch
 * milliseconds, the form every timestamp column uses.
 */
public final class Tx {
  private final Statements statements;
  private final Connection connection;
  private final Dialect dialect;
  private final IdentityChanges identityChanges;
  private final List<Runnable> afterCommit = new ArrayList<>();

  Tx(Statements statements, Dialect dialect, IdentityChanges identityChanges) {
    this.statements = statements;
    this.connection = statements.connection();
    this.dialect = dialect;
    this.identityChanges = identityChanges;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs the action once this transaction has committed, and never if it rolls back: how work tells
   * the world about a change (an event to browsers) only when the change is real.
   */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /**
   * Says that this transaction changes what signs a request in to the account (the account row, a
   * user, a token): once it commits, every cache of those records drops the account's.
   */
  public void identityChanged(long accountId) {
    afterCommit(() -> identityChanges.announce(accountId));
  }

  List<Runnable> afterCommitActions() {
    return afterCommit;
  }

  /**
   * Runs a unit of work started while this transaction is open as part of it, under a savepoint: it
   * commits with this transaction, and an exception it throws undoes its writes (and drops its
   * after-commit actions) but leaves this transaction's own work to its owner.
   */
  <T> T join(Database.Work<T> work) {
    int actions = afterCommit.size();
    Savepoint savepoint;
    try {
      savepoint = connection.setSavepoint();
    } catch (SQLException e) {
      throw new StoreException("savepoint failed", e);
    }
    T result;
    try {
      result = work.run(this);
    } catch (RuntimeException | Error e) {
      try {
        connection.rollback(savepoint);
      } catch (SQLException ignored) {
        // The work's own failure is what the caller needs to see; the owner rolls back.
      }
      afterCommit.subList(actions, afterCommit.size()).clear();
      throw e;
    }
    try {
      connection.releaseSavepoint(savepoint);
    } catch (SQLException e) {
      throw new StoreException("savepoint release failed", e);
    }
    return result;
  }

  /**
   * Takes a lock named by {@code id} until this transaction ends, if no other transaction holds it;
   * false at once if one does. On SQLite, whose one writer runs write transactions one at a time,
   * every such lock is free.
   */
  public boolean tryLock(long id) {
    String sql = dialect.tryLock();
    return sql == null
        || first(sql, row -> Boolean.TRUE.equals(row.bool("locked")), id).orElse(false);
  }

  /**
   * Starts writing without changing a row: the transaction holds the database's write lock from
   * here on, or fails now if the database refuses writes.
   */
  public void writeNothing() {
    update("UPDATE accounts SET id = id WHERE id = 0");
  }

  public <T> List<T> list(String sql, RowMapper<T> mapper, @Nullable Object... args) {
    return execute(
        "query failed: ",
        sql,
        args,
        statement -> {
          try (ResultSet resultSet = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            Row row = new Row(resultSet);
            while (resultSet.next()) {
              rows.add(mapper.map(row));
            }
            return rows;
          }
        });
  }

  public <T> Optional<T> first(String sql, RowMapper<T> mapper, @Nullable Object... args) {
    List<T> rows = list(sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public long count(String sql, @Nullable Object... args) {
    return first(sql, row -> row.getLong("n"), args).orElse(0L);
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
  public int update(String sql, @Nullable Object... args) {
    return execute("update failed: ", sql, args, PreparedStatement::executeUpdate);
  }

  /** Runs an INSERT that ends in {@code RETURNING id} and returns the new row's id. */
  public long insert(String sql, @Nullable Object... args) {
    return first(sql, row -> row.getLong("id"), args)
        .orElseThrow(() -> new StoreException("insert returned no id: " + sql, null));
  }

  /** A broken unique constraint is the caller's doing, not the database's: told apart here. */
  private RuntimeException failure(String what, SQLException e) {
    String constraint = dialect.uniqueViolation(e);
    return constraint == null ? new StoreException(what, e) : new UniqueViolation(constraint);
  }

  /** What runs a bound statement. */
  @FunctionalInterface
  private interface Execution<R> {
    R run(PreparedStatement statement) throws SQLException;
  }

  private <R> R execute(String what, String sql, @Nullable Object[] args, Execution<R> execution) {
    PreparedStatement statement;
    try {
      statement = statements.prepare(sql);
    } catch (SQLException e) {
      throw failure(what + sql, e);
    }
    boolean failed = true;
    try {
      for (int i = 0; i < args.length; i++) {
        Object arg = args[i] instanceof Instant instant ? instant.toEpochMilli() : args[i];
        statement.setObject(i + 1, arg);
      }
      R result = execution.run(statement);
      failed = false;
      return result;
    } catch (SQLException e) {
      throw failure(what + sql, e);
    } finally {
      statements.release(sql, statement, failed);
    }
  }
}
