package dev.dialtone.store;

/**
 * A write would have repeated a value that must be unique: the request's fault, answered as a 422,
 * never as a database failure. The message names the constraint, never the value.
 */
public final class UniqueViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String constraint;

  UniqueViolation(String constraint) {
    super("unique constraint " + constraint + " would be broken", null, false, false);
    this.constraint = constraint;
  }

  /** {@code table.column} on SQLite, the constraint's name on PostgreSQL. */
  public String constraint() {
    return constraint;
  }
}
