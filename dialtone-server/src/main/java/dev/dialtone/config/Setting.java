package dev.dialtone.config;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The settings Dialtone reads, each an environment variable with a matching flag. */
enum Setting {
  PORT("8080", "HTTP port to listen on"),
  DATA_DIR("./data", "Directory of the SQLite file dialtone.db"),
  BASE_DOMAIN("localhost", "Accounts are subdomains of this domain"),
  SUBDOMAIN("dialtone", "Subdomain of the default account"),
  ADMIN_EMAIL("admin@example.com", "Email of the first admin"),
  ADMIN_PASSWORD(null, "Password of the first admin (generated when unset)"),
  ADMIN_TOKEN(null, "First API token (generated when unset)"),
  DATABASE_URL(null, "PostgreSQL JDBC URL; unset means the embedded SQLite file"),
  DATABASE_POOL_SIZE("10", "Most PostgreSQL connections per node"),
  DATABASE_TIMEOUT_MS("5000", "Wait for a database connection or write turn before answering 503"),
  SIGN_IN_FAILURES("20", "Wrong credentials one address may present per user per minute (0: off)"),
  TRUSTED_PROXIES(null, "Comma-separated CIDR ranges of proxies whose X-Forwarded-For is believed"),
  TLS_CERT(null, "PEM certificate chain: serve HTTPS instead of HTTP"),
  TLS_KEY(null, "PEM (PKCS#8) private key of DIALTONE_TLS_CERT"),
  TLS_SELF_SIGNED("false", "true: serve HTTPS with a self-signed localhost certificate"),
  RATE_LIMIT_SUPPORT("700", "Support API requests per account per minute; 0 is no limit"),
  RATE_LIMIT_TALK("15000", "Talk API requests per account per 5 minutes; 0 is no limit"),
  RATE_LIMIT_SYNC_MS("1000", "How often a node shares its request counts with the other nodes"),
  HOST("", "Address to listen on; empty means every interface");

  final @Nullable String defaultValue;
  final String description;

  Setting(@Nullable String defaultValue, String description) {
    this.defaultValue = defaultValue;
    this.description = description;
  }

  String envName() {
    return "DIALTONE_" + name();
  }

  String flag() {
    return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
