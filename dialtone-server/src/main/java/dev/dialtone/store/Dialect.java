package dev.dialtone.store;

/**
 * Everything that differs between the SQL databases Dialtone runs on, in one place, so that no
 * feature code branches on the database.
 */
public enum Dialect {
  SQLITE("sqlite", ""),
  POSTGRESQL("postgresql", " FOR UPDATE");

  private final String migrationFolder;
  private final String forUpdate;

  Dialect(String migrationFolder, String forUpdate) {
    this.migrationFolder = migrationFolder;
    this.forUpdate = forUpdate;
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
}
