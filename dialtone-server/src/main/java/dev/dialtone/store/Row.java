package dev.dialtone.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

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

  public Long longOrNull(String column) {
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

  public Boolean bool(String column) {
    try {
      boolean value = resultSet.getBoolean(column);
      return resultSet.wasNull() ? null : value;
    } catch (SQLException e) {
      throw new StoreException("reading " + column, e);
    }
  }

  /** A timestamp column, stored as epoch milliseconds. */
  public Instant instant(String column) {
    Long millis = longOrNull(column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
