package dev.dialtone.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of a query result, read by column name or by position from 1 (where a hot query reads
 * every column in a known order: a name costs a lookup, and on SQLite the first one in each result
 * the fetch of every column's name); SQL NULL comes back as Java null.
 */
public final class Row {
  private final ResultSet resultSet;

  Row(ResultSet resultSet) {
    this.resultSet = resultSet;
  }

  public long getLong(String column) {
    Long value = longOrNull(column);
    if (value == null) {
      throw new StoreException("column " + column + " is null", null);
    }
    return value;
  }

  public @Nullable Long longOrNull(String column) {
    return longOrNull(index(column));
  }

  public @Nullable Long longOrNull(int column) {
    try {
      long value = resultSet.getLong(column);
      return resultSet.wasNull() ? null : value;
    } catch (SQLException e) {
      throw new StoreException("reading column " + column, e);
    }
  }

  public String string(String column) {
    return string(index(column));
  }

  public String string(int column) {
    try {
      return resultSet.getString(column);
    } catch (SQLException e) {
      throw new StoreException("reading column " + column, e);
    }
  }

  public @Nullable Boolean bool(String column) {
    return bool(index(column));
  }

  public @Nullable Boolean bool(int column) {
    try {
      boolean value = resultSet.getBoolean(column);
      return resultSet.wasNull() ? null : value;
    } catch (SQLException e) {
      throw new StoreException("reading column " + column, e);
    }
  }

  /** A timestamp column, stored as epoch milliseconds. */
  // SQL NULL reads as null, but callers read NOT NULL columns with it: declared non-null for them.
  @SuppressWarnings("NullAway")
  public Instant instant(String column) {
    return instant(index(column));
  }

  /** A timestamp column, stored as epoch milliseconds. */
  @SuppressWarnings("NullAway") // as above
  public Instant instant(int column) {
    Long millis = longOrNull(column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  private int index(String column) {
    try {
      return resultSet.findColumn(column);
    } catch (SQLException e) {
      throw new StoreException("no column " + column, e);
    }
  }
}
