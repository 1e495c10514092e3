package dev.dialtone.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of a query result, read by column name; SQL NULL comes back as Java null. */
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
    try {
      long value = resultSet.getLong(column);
      return resultSet.wasNull() ? null : value;
    } catch (SQLException e) {
      throw new StoreException("reading " + column, e);
    }
  }

  public String string(String column) {
    try {
      return resultSet.getString(column);
    } catch (SQLException e) {
      throw new StoreException("reading " + column, e);
    }
  }

  public @Nullable Boolean bool(String column) {
    try {
      boolean value = resultSet.getBoolean(column);
      return resultSet.wasNull() ? null : value;
    } catch (SQLException e) {
      throw new StoreException("reading " + column, e);
    }
  }

  /** A timestamp column, stored as epoch milliseconds. */
  // SQL NULL reads as null, but callers read NOT NULL columns with it: declared non-null for them.
  @SuppressWarnings("NullAway")
  public Instant instant(String column) {
    Long millis = longOrNull(column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
