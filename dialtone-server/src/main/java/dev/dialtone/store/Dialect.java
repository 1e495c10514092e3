package dev.dialtone.store;

/**
 * Everything that differs between the SQL databases Dialtone runs on, in one place, so that no
 * feature code branches on the database.
 */
public enum Dialect {
  SQLITE("sqlite", "", null),
  POSTGRESQL("postgresql", " FOR UPDATE", "SELECT pg_try_advisory_xact_lock(?) AS locked");

  private final String migrationFolder;
  private final String forUpdate;
  private final String tryLock;

  Dialect(String migrationFolder, String forUpdate, String tryLock) {
    this.migrationFolder = migrationFolder;
    this.forUpdate = forUpdate;
    this.tryLock = tryLock;
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
  String tryLock() {
    return tryLock;
  }
}
