package dev.dialtone.store;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** The database failed or is unreachable: not the client's fault, so never a 4xx. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * What makes this failure last until an operator acts (the database is read-only, the disk is
   * full, the files are not ours to write), or null for one that a retry may get past (busy, timed
   * out, a dropped connection).
   */
  public @Nullable String permanentReason() {
    for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        String reason = permanentReason(sql);
        if (reason != null) {
          return reason;
        }
      }
    }
    return null;
  }

  private static @Nullable String permanentReason(SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.length() == 5 && !state.startsWith("0")) {
      return switch (state) {
        case "25006" -> "the database is read-only";
        case "53100" -> "the database server's disk is full";
        case "42501" -> "the database user may not write the tables";
        default -> null;
      };
    }
    // SQLite: the primary result code, in the low byte of the extended one.
    return switch (e.getErrorCode() & 0xff) {
      case 8 -> "the database file is read-only";
      case 13 -> "the disk holding the database is full";
      case 3, 23 -> "the database file may not be written (permissions)";
      case 14 -> "the database file cannot be opened";
      default -> null;
    };
  }
}
