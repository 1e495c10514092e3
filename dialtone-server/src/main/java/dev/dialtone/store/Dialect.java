package dev.dialtone.store;

/**
 * Everything that differs between the SQL databases Dialtone runs on, in one place, so that no
 * feature code branches on the database.
 */
public enum Dialect {
  SQLITE("sqlite");

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /** The classpath location of this dialect's versioned migrations. */
  public String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }
}
