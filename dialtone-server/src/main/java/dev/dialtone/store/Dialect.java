package dev.dialtone.store;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything that differs between the SQL databases Dialtone runs on, in one place, so that no
 * feature code branches on the database.
 */
public enum Dialect {
  SQLITE("sqlite", "", null),
  POSTGRESQL("postgresql", " FOR UPDATE", "SELECT pg_try_advisory_xact_lock(?) AS locked");

  private final String migrationFolder;
  private final String forUpdate;
  private final @Nullable String tryLock;

  Dialect(String migrationFolder, String forUpdate, @Nullable String tryLock) {
    this.migrationFolder = migrationFolder;
    this.forUpdate = forUpdate;
    this.tryLock = tryLock;
  }

  private static final Pattern SQLITE_UNIQUE =
      Pattern.compile("UNIQUE constraint failed: ([\\w.]+)");
  private static final Pattern POSTGRES_UNIQUE = Pattern.compile("unique constraint \"([^\"]+)\"");

  /**
   * The unique constraint this failure broke ({@code table.column} on SQLite, the constraint's name
   * on PostgreSQL), or null when it is some other failure. Never the offending value: it may be a
   * secret's digest.
   */
  public @Nullable String uniqueViolation(SQLException e) {
    String message = String.valueOf(e.getMessage());
    return switch (this) {
      case SQLITE -> {
        boolean unique =
            message.contains("SQLITE_CONSTRAINT_UNIQUE")
                || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY");
        Matcher name = SQLITE_UNIQUE.matcher(message);
        yield unique ? (name.find() ? name.group(1) : "unique") : null;
      }
      case POSTGRESQL -> {
        Matcher name = POSTGRES_UNIQUE.matcher(message);
        yield "23505".equals(e.getSQLState()) ? (name.find() ? name.group(1) : "unique") : null;
      }
    };
  }

  /** The classpath location of this dialect's versioned migrations. */
  public String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }

  /**
   * The clause that locks the rows a SELECT reads until the transaction ends. SQLite needs none:
   * its one writer connection already runs write transactions one at a time.
   */
  public String forUpdate() {
    return forUpdate;
  }

  /**
   * A query taking a lock, named by a number, until the transaction ends, answering {@code locked}
   * true or false at once; null on SQLite, where write transactions run one at a time anyway.
   */
  @Nullable String tryLock() {
    return tryLock;
  }
}
