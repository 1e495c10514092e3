package dev.dialtone.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a Dialtone server is set up. Every setting has an environment variable and a matching
 * command-line flag ({@link ConfigLoader}).
 *
 * @param adminPassword the first admin's password; null means generate one on first start
 * @param adminToken the first API token; null means generate one on first start
 * @param databaseUrl a PostgreSQL JDBC URL; null means the embedded SQLite file in {@code dataDir}
 * @param databasePoolSize the most PostgreSQL connections this node holds
 * @param databaseTimeout how long a request waits for a PostgreSQL connection before a 503
 * @param rateLimitSupport support API requests per account per minute; 0 is no limit
 * @param rateLimitTalk Talk API requests per account per 5 minutes; 0 is no limit
 * @param rateLimitSync how often a node adds its request counts to the shared ones and reads back
 *     the totals
 */
public record Config(
    int port,
    Path dataDir,
    String baseDomain,
    String subdomain,
    String adminEmail,
    String adminPassword,
    String adminToken,
    String databaseUrl,
    int databasePoolSize,
    Duration databaseTimeout,
    int rateLimitSupport,
    int rateLimitTalk,
    Duration rateLimitSync) {

  /** Defaults for tests and embedding: port 0 binds a free port. */
  public static Config defaults(Path dataDir) {
    return new Config(
        0,
        dataDir,
        "localhost",
        "dialtone",
        "admin@example.com",
        null,
        null,
        null,
        10,
        Duration.ofSeconds(5),
        700,
        15_000,
        Duration.ofSeconds(1));
  }

  public Config withPort(int port) {
    return new Config(
        port,
        dataDir,
        baseDomain,
        subdomain,
        adminEmail,
        adminPassword,
        adminToken,
        databaseUrl,
        databasePoolSize,
        databaseTimeout,
        rateLimitSupport,
        rateLimitTalk,
        rateLimitSync);
  }

  public Config withAdmin(String email, String password, String token) {
    return new Config(
        port,
        dataDir,
        baseDomain,
        subdomain,
        email,
        password,
        token,
        databaseUrl,
        databasePoolSize,
        databaseTimeout,
        rateLimitSupport,
        rateLimitTalk,
        rateLimitSync);
  }

  /** The same settings on PostgreSQL at this JDBC URL. */
  public Config withDatabaseUrl(String url) {
    return new Config(
        port,
        dataDir,
        baseDomain,
        subdomain,
        adminEmail,
        adminPassword,
        adminToken,
        url,
        databasePoolSize,
        databaseTimeout,
        rateLimitSupport,
        rateLimitTalk,
        rateLimitSync);
  }

  /** The same settings with these rate limits (0 is no limit). */
  public Config withRateLimits(int support, int talk) {
    return new Config(
        port,
        dataDir,
        baseDomain,
        subdomain,
        adminEmail,
        adminPassword,
        adminToken,
        databaseUrl,
        databasePoolSize,
        databaseTimeout,
        support,
        talk,
        rateLimitSync);
  }

  /** The same settings with nodes sharing their request counts this often. */
  public Config withRateLimitSync(Duration interval) {
    return new Config(
        port,
        dataDir,
        baseDomain,
        subdomain,
        adminEmail,
        adminPassword,
        adminToken,
        databaseUrl,
        databasePoolSize,
        databaseTimeout,
        rateLimitSupport,
        rateLimitTalk,
        interval);
  }
}
