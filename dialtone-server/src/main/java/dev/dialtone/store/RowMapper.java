package dev.dialtone.store;

/** Turns one row into a value. */
@FunctionalInterface
public interface RowMapper<T> {
  T map(Row row);
}
