package dev.dialtone.config;

import java.util.Locale;

/** The settings Dialtone reads, each an environment variable with a matching flag. */
enum Setting {
  PORT("8080", false, "HTTP port to listen on"),
  DATA_DIR("./data", false, "Directory of the SQLite file dialtone.db"),
  BASE_DOMAIN("localhost", false, "Accounts are subdomains of this domain"),
  SUBDOMAIN("dialtone", false, "Subdomain of the default account"),
  ADMIN_EMAIL("admin@example.com", false, "Email of the first admin"),
  ADMIN_PASSWORD(null, true, "Password of the first admin (generated when unset)"),
  ADMIN_TOKEN(null, true, "First API token (generated when unset)"),
  DATABASE_URL(null, true, "PostgreSQL JDBC URL; unset means the embedded SQLite file"),
  DATABASE_POOL_SIZE("10", false, "Most PostgreSQL connections per node"),
  DATABASE_TIMEOUT_MS(
      "5000", false, "Wait for a database connection or write turn before answering 503"),
  RATE_LIMIT_SUPPORT("700", false, "Support API requests per account per minute; 0 is no limit"),
  RATE_LIMIT_TALK("15000", false, "Talk API requests per account per 5 minutes; 0 is no limit"),
  RATE_LIMIT_SYNC_MS(
      "1000", false, "How often a node shares its request counts with the other nodes");

  final String defaultValue;
  final boolean secret;
  final String description;

  Setting(String defaultValue, boolean secret, String description) {
    this.defaultValue = defaultValue;
    this.secret = secret;
    this.description = description;
  }

  String envName() {
    return "DIALTONE_" + name();
  }

  String flag() {
    return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
