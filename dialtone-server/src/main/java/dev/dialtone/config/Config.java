package dev.dialtone.config;

import java.nio.file.Path;

/**
 * How a Dialtone server is set up. Every setting has an environment variable and a matching
 * command-line flag ({@link ConfigLoader}).
 *
 * @param adminPassword the first admin's password; null means generate one on first start
 * @param adminToken the first API token; null means generate one on first start
 */
public record Config(
    int port,
    Path dataDir,
    String baseDomain,
    String subdomain,
    String adminEmail,
    String adminPassword,
    String adminToken) {

  /** Defaults for tests and embedding: port 0 binds a free port. */
  public static Config defaults(Path dataDir) {
    return new Config(0, dataDir, "localhost", "dialtone", "admin@example.com", null, null);
  }

  public Config withPort(int port) {
    return new Config(port, dataDir, baseDomain, subdomain, adminEmail, adminPassword, adminToken);
  }

  public Config withAdmin(String email, String password, String token) {
    return new Config(port, dataDir, baseDomain, subdomain, email, password, token);
  }
}
